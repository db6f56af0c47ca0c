import { didYouMean, orList } from '../../text/suggest.js';
import { CUSTOMER_TYPES } from '../vocabulary.js';
import { vocabularyRule } from './vocabulary-rule.js';

export const unknownCustomerType = vocabularyRule({
  name: 'unknown-customer-type',
  description: 'appliesTo names a customer type other than b2c, b2b, c2c or b2g.',
  key: 'appliesTo',
  known: CUSTOMER_TYPES,
  message: (value) => `unknown customer type "${value}"; customer types are ${orList(CUSTOMER_TYPES)}${didYouMean(value, CUSTOMER_TYPES, '. ')}`,
});
