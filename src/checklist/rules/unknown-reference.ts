import { didYouMean } from '../../text/suggest.js';
import { conditionHolders, referencesIn, type ChecklistRule } from './context.js';

export const unknownReference: ChecklistRule = {
  name: 'unknown-reference',
  severity: 'error',
  description: 'A condition (when, met) refers to a question the checklist does not have.',
  check(ctx) {
    const ids = new Set(ctx.checklist.questions.map((q) => q.id));
    return conditionHolders(ctx.checklist).flatMap((holder) =>
      referencesIn(holder)
        .filter((ref) => !ids.has(ref.id))
        .map((ref) => ctx.at(ref.path, `${holder.name} depends on question "${ref.id}", which this checklist does not have${didYouMean(ref.id, ids)}`)),
    );
  },
};
