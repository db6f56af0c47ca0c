import type { ChecklistRule } from './context.js';
import { referencesIn } from './context.js';

export const capabilityScope: ChecklistRule = {
  name: 'capability-scope',
  severity: 'warning',
  description: 'A capability rests on a question that not every business is asked, so some could never reach its stage.',
  check(ctx) {
    const byId = new Map(ctx.checklist.questions.map((q) => [q.id, q]));
    return (ctx.checklist.capabilities ?? []).flatMap((c, i) =>
      referencesIn({ condition: c.met, path: ['capabilities', i, 'met'] }).flatMap((ref) => {
        const q = byId.get(ref.id);
        if (!q) return [];
        const scope = (['appliesTo', 'channels', 'needs', 'markets', 'when'] as const).filter(
          (k) => q[k] !== undefined || (k !== 'when' && ctx.checklist[k] !== undefined),
        );
        return scope.length
          ? [
              ctx.at(
                ref.path,
                `capability "${c.id}" rests on question "${q.id}", which has ${scope.map((k) => `"${k}"`).join(' and ')}, so a business it is not asked of could never reach "${c.requiredFor}"; rest it on a question every business is asked`,
              ),
            ]
          : [];
      }),
    );
  },
};
