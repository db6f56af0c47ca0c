import { didYouMean } from '../../text/suggest.js';
import { isScored, TITLE_LENGTH } from '../model.js';
import type { ChecklistRule } from './context.js';

export const unknownAction: ChecklistRule = {
  name: 'unknown-action',
  severity: 'error',
  description: 'A question names an action its checklist does not declare.',
  check(ctx) {
    const ids = new Set((ctx.checklist.actions ?? []).map((a) => a.id));
    return ctx.checklist.questions.flatMap((q, i) =>
      q.action === undefined || ids.has(q.action)
        ? []
        : [
            ctx.at(
              ['questions', i, 'action'],
              `question "${q.id}" names action "${q.action}", which this checklist does not declare under "actions"${didYouMean(q.action, ids)}`,
            ),
          ],
    );
  },
};

export const titleAndAction: ChecklistRule = {
  name: 'title-and-action',
  severity: 'error',
  description: 'A question has its own title and also names a shared action, whose title the report uses.',
  check(ctx) {
    return ctx.checklist.questions.flatMap((q, i) =>
      q.action !== undefined && q.title !== undefined
        ? [
            ctx.at(
              ['questions', i, 'title'],
              `question "${q.id}" has a title and names action "${q.action}", whose title the report shows; remove one of them`,
              { key: true },
            ),
          ]
        : [],
    );
  },
};

export const missingTitle: ChecklistRule = {
  name: 'missing-title',
  severity: 'warning',
  description:
    'Scored questions have neither a title nor an action, so the report makes their titles from their fixes. One warning per checklist, at the first of them.',
  check(ctx) {
    const untitled = ctx.checklist.questions.flatMap((q, i) => (!isScored(q) || q.title !== undefined || q.action !== undefined ? [] : [{ id: q.id, i }]));
    const first = untitled[0];
    if (!first) return [];
    const others = untitled.length - 1;
    const which =
      others === 0
        ? `question "${first.id}" has no "title"`
        : `${untitled.length.toLocaleString('en-US')} questions have no "title" (${untitled
            .slice(0, 3)
            .map((u) => `"${u.id}"`)
            .join(', ')}${untitled.length > 3 ? ', …' : ''})`;
    return [
      ctx.at(
        ['questions', first.i, 'id'],
        `${which}; add a short imperative to head each fix in reports, like "Reply to every email within a day" (until then the fix's first sentence stands in)`,
      ),
    ];
  },
};

export const longTitle: ChecklistRule = {
  name: 'long-title',
  severity: 'warning',
  description: `A title is longer than ${TITLE_LENGTH} characters, so it wraps in reports and the terminal.`,
  check(ctx) {
    const titled = [
      ...ctx.checklist.questions.map((q, i) => ({ title: q.title, path: ['questions', i, 'title'], name: `question "${q.id}"` })),
      ...(ctx.checklist.actions ?? []).map((a, i) => ({ title: a.title, path: ['actions', i, 'title'], name: `action "${a.id}"` })),
      ...(ctx.checklist.capabilities ?? []).map((c, i) => ({ title: c.title, path: ['capabilities', i, 'title'], name: `capability "${c.id}"` })),
    ];
    return titled.flatMap(({ title, path, name }) =>
      title !== undefined && title.length > TITLE_LENGTH
        ? [ctx.at(path, `the title of ${name} has ${title.length} characters; keep it to ${TITLE_LENGTH} so it fits on one line of a report`)]
        : [],
    );
  },
};

export const unusedAction: ChecklistRule = {
  name: 'unused-action',
  severity: 'warning',
  description: 'A declared action closes no question, so it never appears in a report.',
  check(ctx) {
    const used = new Set(ctx.checklist.questions.map((q) => q.action));
    return (ctx.checklist.actions ?? []).flatMap((a, i) =>
      used.has(a.id)
        ? []
        : [
            ctx.at(
              ['actions', i, 'id'],
              `action "${a.id}" is named by no question, so no report will show it; add action: ${a.id} to the questions it closes, or remove it`,
            ),
          ],
    );
  },
};

export const duplicateActionId: ChecklistRule = {
  name: 'duplicate-action-id',
  severity: 'error',
  description: 'Two actions, or two capabilities, of one checklist share an id.',
  check(ctx) {
    const out = [];
    for (const [key, list] of [
      ['actions', ctx.checklist.actions ?? []],
      ['capabilities', ctx.checklist.capabilities ?? []],
    ] as const) {
      const seen = new Set<string>();
      for (const [i, item] of list.entries()) {
        if (seen.has(item.id))
          out.push(ctx.at([key, i, 'id'], `${key === 'actions' ? 'action' : 'capability'} id "${item.id}" is used twice; give each its own id`));
        seen.add(item.id);
      }
    }
    return out;
  },
};
