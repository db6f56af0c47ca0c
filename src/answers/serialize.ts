import { Document, isMap, isPair, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { LoadedChecklist } from '../checklist/model.js';
import { oneLine } from '../text/sanitize.js';
import type { AnswersFile, Answers, Profile } from './model.js';

const HEADER = ` cx-audit answers: written after every answer, safe to edit by hand.
 Each answer is yes/no, 1-5, a choice id or a list of them; n/a and unsure work for any question.
 Score it again with: cx-audit report <this file>
 Editors can check this file as you type: run \`cx-audit schema answers > answers.schema.json\`,
 then remove the first "# " of the next line.
 # yaml-language-server: $schema=./answers.schema.json`;

const PROFILE_KEYS = [
  'customerTypes',
  'soleProprietors',
  'channels',
  'shipsGoods',
  'hasStaff',
  'outsideSupport',
  'markets',
] as const satisfies readonly (keyof Profile)[];

/**
 * The answers file as plain data, in a fixed key order: answers in checklist
 * order (any others after them, kept). It is what the answers schema checks
 * before anything is written.
 */
export function answersData(answers: Answers, checklists: readonly LoadedChecklist[] = []): AnswersFile {
  const order = new Map<string, number>();
  let index = 0;
  for (const c of checklists) for (const q of c.questions) order.set(q.key, index++);
  const keys = [...answers.answers.keys()].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));

  const data: Omit<AnswersFile, 'answers'> = { schemaVersion: 1 };
  if (answers.client !== undefined) data.client = answers.client;
  if (answers.auditor !== undefined) data.auditor = answers.auditor;
  if (answers.respondent)
    data.respondent = answers.respondent.role ? { name: answers.respondent.name, role: answers.respondent.role } : { name: answers.respondent.name };
  if (answers.profile) {
    // In the order the interview asks them; parts not asked are left out.
    const profile: Record<string, unknown> = {};
    for (const key of PROFILE_KEYS) if (answers.profile[key] !== undefined) profile[key] = answers.profile[key];
    data.profile = profile;
  }
  if (answers.checklists.size) {
    data.checklists = {};
    for (const [id, stamp] of answers.checklists) data.checklists[id] = stamp.hash ? { version: stamp.version, hash: stamp.hash } : { version: stamp.version };
  }
  const entries: AnswersFile['answers'] = {};
  for (const key of keys) {
    const record = answers.answers.get(key)!;
    const entry: AnswersFile['answers'][string] = { answer: record.answer };
    if (record.note !== undefined && record.note !== '') entry.note = record.note;
    if (record.at !== undefined) entry.at = record.at;
    if (record.asked !== undefined) entry.asked = record.asked;
    if (record.evidence?.length) entry.evidence = record.evidence.map((e) => (e.checked ? { ref: e.ref, checked: e.checked } : { ref: e.ref }));
    if (record.disputed) entry.disputed = true;
    if (record.decidedBy !== undefined) entry.decidedBy = record.decidedBy;
    if (record.votes?.length) entry.votes = record.votes.map((v) => ({ respondent: v.respondent, answer: v.answer, ...(v.note ? { note: v.note } : {}) }));
    entries[key] = entry;
  }
  // `answers` last, after the small keys, so the file reads top-down.
  return { ...data, answers: entries };
}

/**
 * The answers file as YAML: each answer preceded by its question as a
 * comment, lists in flow style, so the file reads well and diffs cleanly.
 */
export function serializeAnswers(answers: Answers, checklists: readonly LoadedChecklist[]): string {
  const text = new Map<string, string>();
  for (const c of checklists) for (const q of c.questions) text.set(q.key, q.text);
  const doc = new Document(answersData(answers, checklists));
  doc.commentBefore = HEADER;
  const answersNode = doc.get('answers', true) as YAMLMap | undefined;
  if (isMap(answersNode)) {
    for (const pair of answersNode.items as Pair<Scalar, unknown>[]) {
      const question = text.get(String(pair.key.value));
      if (question && isScalar(pair.key)) pair.key.commentBefore = ` ${oneLine(question)}`;
      if (isMap(pair.value)) {
        for (const inner of pair.value.items) if (isPair(inner) && isSeq(inner.value)) inner.value.flow = true;
      }
    }
  }
  const profileNode = doc.get('profile', true);
  if (isMap(profileNode)) for (const inner of profileNode.items) if (isPair(inner) && isSeq(inner.value)) inner.value.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
