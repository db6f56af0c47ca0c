import { Document, isMap, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { dirname, relative, resolve } from 'node:path';
import { builtinChecklistPaths } from '../paths.js';
import type { LoadedChecklist } from './model.js';

/** The fields of a resolved question worth showing, in this order. */
const FIELDS = [
  'text',
  'type',
  'stage',
  'appliesTo',
  'channels',
  'needs',
  'markets',
  'when',
  'impact',
  'effort',
  'kind',
  'reach',
  'owner',
  'validFor',
  'action',
  'choices',
] as const;

/**
 * A checklist as cx-audit uses it, after `extends`, `skip`, `override` and
 * the checklist's defaults, as YAML: each inherited question says where it
 * comes from, each overridden field what it was.
 */
export function printResolved(checklist: LoadedChecklist): string {
  const questions = checklist.questions.map((q) => {
    const entry: Record<string, unknown> = { id: q.id };
    for (const field of FIELDS) {
      const value = q[field];
      if (value === undefined || (Array.isArray(value) && !value.length)) continue;
      if (field === 'action' && value === q.key) continue;
      entry[field] = field === 'choices' ? q.choices.map((c) => ({ id: c.id, score: c.score ?? 'n/a' })) : value;
    }
    return entry;
  });
  const doc = new Document({ id: checklist.id, title: checklist.title, version: checklist.version, questions });
  doc.commentBefore = ` ${checklist.id} as resolved from ${checklist.file}`;
  const seq = doc.get('questions', true) as YAMLSeq;
  const builtin = new Set(builtinChecklistPaths().map((p) => resolve(p)));
  // A file as `extends` names it: built-in, or its path from this checklist's folder.
  const where = (file: string) => (builtin.has(resolve(file)) ? 'built-in' : relative(dirname(resolve(checklist.file)), resolve(file)).replace(/\\/g, '/'));
  seq.items.forEach((item, i) => {
    const q = checklist.questions[i]!;
    const origin = checklist.origins?.get(q.id);
    if (!isMap(item)) return;
    item.commentBefore = origin ? ` from ${origin.checklist} (${where(origin.file)})` : ' this file';
    const byField = new Map<string, NonNullable<typeof origin>['overridden']>();
    for (const change of origin?.overridden ?? []) byField.set(change.field, [...(byField.get(change.field) ?? []), change]);
    for (const [field, changes] of byField) {
      const pair = (item as YAMLMap<Scalar, unknown>).items.find((p: Pair<Scalar, unknown>) => p.key.value === field);
      const said = changes.map((c) => `${c.by === checklist.id ? 'overridden here' : `overridden in ${c.by}`}; was ${JSON.stringify(c.was)}`);
      if (pair?.value && typeof pair.value === 'object') (pair.value as Scalar).comment = ` ${said.join(', then ')}`;
    }
  });
  return doc.toString({ lineWidth: 0 });
}
