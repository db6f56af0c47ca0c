import { stringify } from 'csv-stringify/sync';
import type { LoadedChecklist } from '../checklist/model.js';
import { md } from '../report/escape.js';
import { csvCell } from '../text/spreadsheet.js';
import { acceptanceHolds, overdue, type PlanAction, type PlanFile } from './plan.js';

/** How each status reads in a tracker's import: Jira's and Trello's names. */
const STATUS_TEXT: Record<PlanAction['status'], string> = { todo: 'To Do', doing: 'In Progress', done: 'Done', accepted: 'Accepted' };

/** What to do for an action, from the checklists: the shared action's fix, or the fixes of the questions it closes. */
function fixOf(item: PlanAction, checklists: readonly LoadedChecklist[]): string {
  const action = checklists.flatMap((c) => c.actions).find((a) => a.key === item.id);
  if (action?.fix) return action.fix;
  const questions = new Map(checklists.flatMap((c) => c.questions.map((q) => [q.key, q])));
  return [...new Set((item.closes ?? []).map((k) => questions.get(k)?.fix).filter((f): f is string => f !== undefined))].join(' ');
}

/**
 * The plan as CSV for Jira, Trello or a spreadsheet: Title, Description,
 * Owner, Due, Status, Labels. RFC 4180: every field quoted when it needs to
 * be, lines ended by CRLF, UTF-8 without a byte-order mark.
 */
export function planCsv(plan: PlanFile, checklists: readonly LoadedChecklist[], today: string): string {
  const rows = plan.actions.map((item) => {
    const parts = [fixOf(item, checklists)];
    if (item.closes?.length) parts.push(`Closes: ${item.closes.join(', ')}.`);
    if (item.status === 'accepted') parts.push(`Accepted by ${item.acceptedBy ?? 'someone'} until ${item.until ?? '?'}: ${item.reason ?? ''}`);
    if (item.note) parts.push(item.note);
    const checklistIds = [...new Set((item.closes ?? []).map((k) => k.split('/')[0]!))];
    const labels = ['cx-audit', ...checklistIds, ...(overdue(item, today) ? ['overdue'] : [])];
    return [item.title, parts.filter(Boolean).join(' '), item.owner ?? '', item.due ?? '', STATUS_TEXT[item.status], labels.join(' ')].map(csvCell);
  });
  return stringify([['Title', 'Description', 'Owner', 'Due', 'Status', 'Labels'], ...rows], { record_delimiter: '\r\n', quoted_match: /[",\r\n]/ });
}

/** One line of the task list: a checkbox, the title, and when it is due or what became of it. */
function taskLine(item: PlanAction, today: string): string {
  const done = item.status === 'done';
  const parts = [`- [${done ? 'x' : ' '}] ${md(item.title)}`];
  if (done) parts.push(item.done ? `done ${item.done}` : 'done');
  else if (item.status === 'accepted' && acceptanceHolds(item, today))
    parts.push(`accepted by ${md(item.acceptedBy ?? '')} until ${item.until}: ${md(item.reason ?? '')}`);
  else {
    if (item.status === 'accepted') parts.push(`**acceptance ran out on ${item.until}**`);
    if (item.status === 'doing') parts.push('in progress');
    if (item.due) parts.push(overdue(item, today) ? `**overdue since ${item.due}**` : `due ${item.due}`);
  }
  return parts.join(' · ');
}

/** The plan as a Markdown task list, one section per owner, open work first. */
export function planMarkdown(plan: PlanFile, today: string): string {
  const owners = new Map<string, PlanAction[]>();
  for (const item of plan.actions) {
    const owner = item.owner ?? 'No owner yet';
    owners.set(owner, [...(owners.get(owner) ?? []), item]);
  }
  const rank = (item: PlanAction) => (item.status === 'done' ? 2 : item.status === 'accepted' && acceptanceHolds(item, today) ? 1 : 0);
  const lines = [`# Plan${plan.client ? ` for ${md(plan.client)}` : ''}`, ''];
  const open = plan.actions.filter((a) => rank(a) === 0).length;
  const late = plan.actions.filter((a) => overdue(a, today)).length;
  lines.push(
    `${plan.actions.length} actions: ${open} open${late ? ` (${late} overdue)` : ''}, ${plan.actions.length - open} done or accepted.${plan.updated ? ` Updated from the answers on ${plan.updated}.` : ''}`,
  );
  const names = [...owners.keys()].sort((a, b) => (a === 'No owner yet' ? 1 : b === 'No owner yet' ? -1 : a.localeCompare(b)));
  for (const owner of names) {
    const items = owners.get(owner)!;
    lines.push('', `## ${md(owner)}`, '');
    for (const item of [...items].sort((a, b) => rank(a) - rank(b) || (a.due ?? '9999').localeCompare(b.due ?? '9999'))) lines.push(taskLine(item, today));
  }
  return `${lines.join('\n')}\n`;
}
