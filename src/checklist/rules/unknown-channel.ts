import { didYouMean, orList } from '../../text/suggest.js';
import { CHANNELS } from '../vocabulary.js';
import { vocabularyRule } from './vocabulary-rule.js';

export const unknownChannel = vocabularyRule({
  name: 'unknown-channel',
  description: 'channels names a channel cx-audit does not know.',
  key: 'channels',
  known: CHANNELS,
  message: (value) => `unknown channel "${value}"; channels are ${orList(CHANNELS)}${didYouMean(value, CHANNELS, '. ')}`,
});
