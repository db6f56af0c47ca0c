import { SCALE_MAX, SCALE_MIN } from '../vocabulary.js';
import type { QuestionSource } from '../model.js';
import { orList } from '../../text/suggest.js';
import { conditionsOf, type ChecklistRule } from './context.js';

/** The answers a question can take, as they appear in conditions; undefined when it cannot be used in one. */
function possibleValues(q: QuestionSource): (string | number)[] | undefined {
  switch (q.type) {
    case 'yes-no':
      return ['yes', 'no'];
    case 'scale':
      return Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i);
    case 'choice':
    case 'multi':
      return (q.choices ?? []).map((c) => c.id);
    case 'text':
      return undefined;
  }
}

export const impossibleConditionValue: ChecklistRule = {
  name: 'impossible-condition-value',
  severity: 'error',
  description: 'A when condition waits for an answer the question it names can never give.',
  check(ctx) {
    const byId = new Map<string, QuestionSource>();
    for (const q of ctx.checklist.questions) if (!byId.has(q.id)) byId.set(q.id, q);
    return ctx.checklist.questions.flatMap((q, i) =>
      [...conditionsOf(q, i)].flatMap(({ condition, path }) => {
        const target = condition.question === undefined ? undefined : byId.get(condition.question);
        if (!target) return [];
        const possible = possibleValues(target);
        if (!possible) {
          return [ctx.at([...path, 'question'], `question "${q.id}" depends on text question "${target.id}"; free-text answers cannot be used in conditions`)];
        }
        const values = condition.is !== undefined ? [{ value: condition.is, path: [...path, 'is'] }] : (condition.in ?? []).map((value, j) => ({ value, path: [...path, 'in', j] }));
        return values
          .filter(({ value }) => !possible.includes(value))
          .map(({ value, path: at }) =>
            ctx.at(at, `${JSON.stringify(value)} is not an answer ${target.type} question "${target.id}" can give; use ${orList(possible.map((p) => JSON.stringify(p)))}`),
          );
      }),
    );
  },
};
