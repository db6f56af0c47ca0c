import { didYouMean } from '../../text/suggest.js';
import { referencesOf, type ChecklistRule } from './context.js';

export const unknownReference: ChecklistRule = {
  name: 'unknown-reference',
  severity: 'error',
  description: 'A when condition refers to a question the checklist does not have.',
  check(ctx) {
    const ids = new Set(ctx.checklist.questions.map((q) => q.id));
    return ctx.checklist.questions.flatMap((q, i) =>
      referencesOf(q, i)
        .filter((ref) => !ids.has(ref.id))
        .map((ref) => ctx.at(ref.path, `question "${q.id}" depends on question "${ref.id}", which this checklist does not have${didYouMean(ref.id, ids)}`)),
    );
  },
};
