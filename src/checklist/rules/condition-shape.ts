import { conditionHolders, conditionsIn, type ChecklistRule } from './context.js';

const FORMS = '{question, is}, {question, in}, {all: [...]}, {any: [...]} or {not: ...}';

export const conditionShape: ChecklistRule = {
  name: 'condition-shape',
  severity: 'error',
  description: 'A condition (when, met) mixes forms or lacks a part.',
  check(ctx) {
    return conditionHolders(ctx.checklist).flatMap((holder) =>
      [...conditionsIn(holder)].flatMap(({ condition, path }) => {
        const keys = Object.keys(condition);
        const logical = keys.filter((k) => k === 'all' || k === 'any' || k === 'not');
        const where = `a "${holder.path[2]}" condition of ${holder.name}`;
        if (logical.length > 1 || (logical.length === 1 && keys.length > 1)) {
          return [ctx.at(path, `${where} mixes ${keys.map((k) => `"${k}"`).join(' and ')}; use one form per condition: ${FORMS}`)];
        }
        if (logical.length === 1) return [];
        if (condition.question === undefined) {
          return [ctx.at(path, `${where} has "${keys[0]}" but no "question"; write ${FORMS}`)];
        }
        if ((condition.is === undefined) === (condition.in === undefined)) {
          return [
            ctx.at(
              path,
              condition.is === undefined
                ? `${where} names question "${condition.question}" but not the answer; add is: <answer> or in: [<answers>]`
                : `${where} has both "is" and "in"; keep one`,
            ),
          ];
        }
        return [];
      }),
    );
  },
};
