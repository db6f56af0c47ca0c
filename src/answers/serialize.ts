import { Document, isMap, isPair, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { LoadedChecklist } from '../checklist/model.js';
import { oneLine } from '../text/sanitize.js';
import type { AnswerRecord, Answers } from './model.js';

const HEADER = ` cx-audit answers: written after every answer, safe to edit by hand.
 Each answer is yes/no, 1-5, a choice id or a list of them; n/a and unsure work for any question.
 Score it again with: cx-audit report <this file>`;

/**
 * The answers file as YAML: a fixed key order, answers in checklist order (any
 * others after them, kept), each preceded by its question as a comment, so
 * the file reads well and diffs cleanly.
 */
export function serializeAnswers(answers: Answers, checklists: readonly LoadedChecklist[]): string {
  const order = new Map<string, { index: number; text: string }>();
  let index = 0;
  for (const c of checklists) for (const q of c.questions) order.set(q.key, { index: index++, text: q.text });
  const keys = [...answers.answers.keys()].sort((a, b) => (order.get(a)?.index ?? Infinity) - (order.get(b)?.index ?? Infinity));

  const entries = new Map<string, Map<string, unknown>>();
  for (const key of keys) {
    const record = answers.answers.get(key) as AnswerRecord;
    const entry = new Map<string, unknown>([['answer', record.answer]]);
    if (record.note !== undefined && record.note !== '') entry.set('note', record.note);
    if (record.at !== undefined) entry.set('at', record.at);
    entries.set(key, entry);
  }
  const root = new Map<string, unknown>([['schemaVersion', 1]]);
  if (answers.client !== undefined) root.set('client', answers.client);
  if (answers.auditor !== undefined) root.set('auditor', answers.auditor);
  if (answers.profile) {
    const profile = new Map<string, unknown>();
    if (answers.profile.customerTypes) profile.set('customerTypes', answers.profile.customerTypes);
    if (answers.profile.channels) profile.set('channels', answers.profile.channels);
    root.set('profile', profile);
  }
  const stamps = new Map<string, Map<string, string>>();
  for (const [id, stamp] of answers.checklists) {
    stamps.set(id, new Map(Object.entries(stamp).filter(([, v]) => v !== undefined)));
  }
  if (stamps.size) root.set('checklists', stamps);
  root.set('answers', entries);

  const doc = new Document(root);
  doc.commentBefore = HEADER;
  const answersNode = doc.get('answers', true) as YAMLMap | undefined;
  if (isMap(answersNode)) {
    for (const pair of answersNode.items as Pair<Scalar, unknown>[]) {
      const text = order.get(String(pair.key.value))?.text;
      if (text && isScalar(pair.key)) pair.key.commentBefore = ` ${oneLine(text)}`;
      if (isMap(pair.value)) {
        for (const inner of pair.value.items) if (isPair(inner) && isSeq(inner.value)) inner.value.flow = true;
      }
    }
  }
  const profileNode = doc.get('profile', true);
  if (isMap(profileNode)) for (const inner of profileNode.items) if (isPair(inner) && isSeq(inner.value)) inner.value.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
