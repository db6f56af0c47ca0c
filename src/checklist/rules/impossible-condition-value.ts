import { QUESTION_KINDS } from '../../questions/index.js';
import type { QuestionSource } from '../model.js';
import { orList } from '../../text/suggest.js';
import { conditionHolders, conditionsIn, type ChecklistRule } from './context.js';

export const impossibleConditionValue: ChecklistRule = {
  name: 'impossible-condition-value',
  severity: 'error',
  description: 'A condition (when, met) waits for an answer the question it names can never give.',
  check(ctx) {
    const byId = new Map<string, QuestionSource>();
    for (const q of ctx.checklist.questions) if (!byId.has(q.id)) byId.set(q.id, q);
    return conditionHolders(ctx.checklist).flatMap((holder) =>
      [...conditionsIn(holder)].flatMap(({ condition, path }) => {
        const target = condition.question === undefined ? undefined : byId.get(condition.question);
        if (!target) return [];
        const possible = QUESTION_KINDS[target.type].conditionValues(target);
        if (!possible) {
          return [
            ctx.at([...path, 'question'], `${holder.name} depends on ${target.type} question "${target.id}", whose answers cannot be used in conditions`),
          ];
        }
        const values =
          condition.is !== undefined
            ? [{ value: condition.is, path: [...path, 'is'] }]
            : (condition.in ?? []).map((value, j) => ({ value, path: [...path, 'in', j] }));
        return values
          .filter(({ value }) => !possible.includes(value))
          .map(({ value, path: at }) =>
            ctx.at(
              at,
              `${JSON.stringify(value)} is not an answer ${target.type} question "${target.id}" can give; use ${orList(possible.map((p) => JSON.stringify(p)))}`,
            ),
          );
      }),
    );
  },
};
