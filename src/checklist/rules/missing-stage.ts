import type { ChecklistRule } from './context.js';

export const missingStage: ChecklistRule = {
  name: 'missing-stage',
  severity: 'error',
  description: 'A question has no journey stage, and its checklist sets no default.',
  check(ctx) {
    if (ctx.checklist.stage) return [];
    return ctx.checklist.questions.flatMap((q, i) =>
      q.stage
        ? []
        : [
            ctx.at(
              ['questions', i, 'id'],
              `question "${q.id}" has no stage; add stage: before-sale, during-sale or after-sale to it, or a default stage to the checklist`,
            ),
          ],
    );
  },
};
