import { didYouMean } from '../../text/suggest.js';
import type { Path } from './context.js';
import type { ChecklistRule, RuleContext } from './context.js';

interface AfterList {
  /** The action or question that lists them. */
  name: string;
  /** The action key it stands for: a shared action's id, or the question's own. */
  key: string;
  after: readonly string[];
  path: Path;
}

/** Every `after` list of a checklist, with the action each stands for and what each name means. */
function afterLists(ctx: RuleContext): { lists: AfterList[]; resolve: (name: string) => string | undefined } {
  const actions = new Set((ctx.checklist.actions ?? []).map((a) => a.id));
  const questions = new Map(ctx.checklist.questions.map((q) => [q.id, q.action ?? `question:${q.id}`]));
  const resolve = (name: string) => (actions.has(name) ? name : questions.get(name));
  const lists: AfterList[] = [
    ...(ctx.checklist.actions ?? []).map((a, i) => ({ name: `action "${a.id}"`, key: a.id, after: a.after ?? [], path: ['actions', i, 'after'] })),
    ...ctx.checklist.questions.map((q, i) => ({
      name: `question "${q.id}"`,
      key: q.action ?? `question:${q.id}`,
      after: q.after ?? [],
      path: ['questions', i, 'after'],
    })),
  ];
  return { lists, resolve };
}

export const unknownAfter: ChecklistRule = {
  name: 'unknown-after',
  severity: 'error',
  description: 'An after list names neither an action nor a question of its checklist.',
  check(ctx) {
    const { lists, resolve } = afterLists(ctx);
    const names = [...(ctx.checklist.actions ?? []).map((a) => a.id), ...ctx.checklist.questions.map((q) => q.id)];
    return lists.flatMap(({ name, after, path }) =>
      after.flatMap((target, j) =>
        resolve(target) === undefined
          ? [ctx.at([...path, j], `${name} comes after "${target}", which is neither an action nor a question of this checklist${didYouMean(target, names)}`)]
          : [],
      ),
    );
  },
};

export const afterCycle: ChecklistRule = {
  name: 'after-cycle',
  severity: 'error',
  description: 'Actions that must each come after the other, so no order can satisfy them.',
  check(ctx) {
    const { lists, resolve } = afterLists(ctx);
    const edges = new Map<string, { to: string; path: Path; name: string }[]>();
    for (const list of lists) {
      list.after.forEach((target, j) => {
        const to = resolve(target);
        if (to === undefined || to === list.key) return;
        edges.set(list.key, [...(edges.get(list.key) ?? []), { to, path: [...list.path, j], name: list.name }]);
      });
    }
    // Depth-first search for a way back to the start; each cycle is reported once, at its first edge.
    const reported = new Set<string>();
    const out = [];
    for (const start of edges.keys()) {
      const stack = [{ at: start, trail: [start] }];
      const seen = new Set<string>();
      while (stack.length) {
        const { at, trail } = stack.pop()!;
        for (const edge of edges.get(at) ?? []) {
          if (edge.to === start) {
            const cycle = [...trail].sort().join(' ');
            if (!reported.has(cycle)) {
              reported.add(cycle);
              const first = edges.get(start)![0]!;
              out.push(
                ctx.at(
                  first.path,
                  `${first.name} and the actions it comes after wait for each other (${[...trail, start].join(' → ')}); remove one of these "after" entries`,
                ),
              );
            }
          } else if (!seen.has(edge.to)) {
            seen.add(edge.to);
            stack.push({ at: edge.to, trail: [...trail, edge.to] });
          }
        }
      }
    }
    return out;
  },
};
