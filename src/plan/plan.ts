import { Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ActionResult, Report } from '../generated/report.js';
import type { PlanAction, PlanFile } from '../generated/plan.js';

export type { PlanAction, PlanFile };

const HEADER = `An improvement plan from cx-audit. Edit it freely: owner, due (YYYY-MM-DD), status
(todo, doing, done, accepted) and note. To accept a gap, set status: accepted with a
reason, acceptedBy and until (the last day it holds). \`cx-audit plan <answers> -o <this file>\`
updates it from newer answers: it adds new actions, marks those whose questions are now met
as done, and keeps everything you wrote.`;

/** What an update did, for the line cx-audit prints. */
export interface PlanChanges {
  added: string[];
  done: string[];
  kept: number;
}

/** A new plan item for an open action: to do, with the checklist's owner. */
function itemOf(action: ActionResult): PlanAction {
  return {
    id: action.key,
    title: action.title,
    closes: action.questions.map((q) => q.key),
    ...(action.owner ? { owner: action.owner } : {}),
    status: 'todo',
  };
}

/**
 * Whether every question an action closes is now met or does not apply: only
 * then does cx-audit mark it done. A question nobody answered is not met.
 */
function metNow(closes: readonly string[], report: Report): boolean {
  const status = new Map(report.answers.map((a) => [a.key, a]));
  return (
    closes.length > 0 &&
    closes.every((key) => {
      const a = status.get(key);
      return a === undefined || a.status === 'not-applicable' || (a.status === 'answered' && a.compliance === 1);
    })
  );
}

/** A plan written by hand may leave out `closes`: an action named after its question closes that question. */
function ownQuestion(id: string, report: Report): string[] {
  return report.answers.some((a) => a.key === id) ? [id] : [];
}

const YAML_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/** A fresh plan from a report: every open action, in the report's order, to do. */
function freshPlan(report: Report, today: string): { text: string; changes: PlanChanges } {
  const data: PlanFile = {
    schemaVersion: 1,
    ...(report.client ? { client: report.client } : {}),
    updated: today,
    actions: report.actions.map(itemOf),
  };
  const doc = new Document(data);
  doc.commentBefore = HEADER.split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
  const actions = doc.get('actions', true) as YAMLSeq | undefined;
  for (const item of actions?.items ?? []) if (isMap(item)) (item.get('closes', true) as YAMLSeq | undefined)!.flow = true;
  return { text: doc.toString(YAML_OPTIONS), changes: { added: data.actions.map((a) => a.id), done: [], kept: 0 } };
}

/**
 * The plan for a report: a fresh one, or `existing` updated in place. An
 * update edits the file's own YAML, so comments, order and every field a
 * person wrote survive: it only adds the actions that are new (at the end),
 * marks done the ones whose questions are all met now (with the day), and
 * refreshes the list of questions each closes and the `updated` day. A
 * status someone set is never overwritten, except todo or doing becoming
 * done.
 */
export function planFor(report: Report, existing: { text: string; data: PlanFile } | undefined, today: string): { text: string; changes: PlanChanges } {
  if (!existing) return freshPlan(report, today);
  const doc = parseDocument(existing.text);
  const open = new Map(report.actions.map((a) => [a.key, a]));
  const changes: PlanChanges = { added: [], done: [], kept: 0 };
  const seq = doc.get('actions', true);
  if (!isSeq(seq)) throw new Error('a valid plan has a list of actions');
  const known = new Set<string>();
  existing.data.actions.forEach((item, i) => {
    known.add(item.id);
    const node = seq.items[i];
    if (!isMap(node)) return;
    const action = open.get(item.id);
    if (action) {
      const closes = doc.createNode(action.questions.map((q) => q.key)) as YAMLSeq;
      closes.flow = true;
      node.set('closes', closes);
      changes.kept++;
    } else if ((item.status === 'todo' || item.status === 'doing') && metNow(item.closes ?? ownQuestion(item.id, report), report)) {
      node.set('status', 'done');
      if (!item.done) node.set('done', today);
      changes.done.push(item.id);
    } else changes.kept++;
  });
  for (const action of report.actions) {
    if (known.has(action.key)) continue;
    const node = doc.createNode(itemOf(action)) as YAMLMap;
    (node.get('closes', true) as unknown as YAMLSeq).flow = true;
    seq.items.push(node);
    changes.added.push(action.key);
  }
  doc.set('updated', today);
  return { text: doc.toString(YAML_OPTIONS), changes };
}

/** Whether an accepted gap is still accepted on `today`: an acceptance without an end, or past it, is open again. */
export function acceptanceHolds(item: PlanAction, today: string): boolean {
  return item.status === 'accepted' && item.until !== undefined && item.until >= today;
}

/** Open (todo or doing, or an acceptance that ran out) and past its due day. */
export function overdue(item: PlanAction, today: string): boolean {
  const open = item.status === 'todo' || item.status === 'doing' || (item.status === 'accepted' && !acceptanceHolds(item, today));
  return open && item.due !== undefined && item.due < today;
}
