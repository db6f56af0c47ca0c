import { dayOf } from '../audit/freshness.js';
import type { Diagnostic } from '../files/diagnostic.js';
import type { ReadContext } from '../files/read-input.js';
import { schemaDiagnostics, type SchemaVocabulary } from '../files/schema-diagnostics.js';
import { readYamlFile } from '../files/yaml-file.js';
import { SCHEMA_KEYS } from '../generated/schema-keys.js';
import { validatePlanFile } from '../generated/validators.js';
import type { PlanFile } from './plan.js';

export type PlanLoad = { ok: true; plan: PlanFile; text: string; diagnostics: Diagnostic[] } | { ok: false; unreadable: boolean; diagnostics: Diagnostic[] };

/** How plan-file schema errors are worded. */
const planVocabulary: SchemaVocabulary = {
  describe(path) {
    if (path.length === 0) return 'the plan';
    if (path[0] === 'actions' && path.length >= 2) return `action ${Number(path[1]) + 1} of the plan`;
    return `"${String(path[0])}"`;
  },
  allowedKeys: (path) => (path.length === 0 ? SCHEMA_KEYS.plan.root : path[0] === 'actions' ? SCHEMA_KEYS.plan.PlanAction : []),
  hint(key, keyword) {
    if (key === 'status') return 'use todo, doing, done or accepted';
    if (key === 'due' || key === 'until' || key === 'done' || key === 'updated') return 'write a day as YYYY-MM-DD, like 2026-12-31';
    if (keyword === 'required' && key === 'actions') return 'add "actions:", a list (cx-audit plan <answers> -o plan.yaml writes one)';
    if (key === 'schemaVersion') return 'this cx-audit reads plans of schemaVersion 1';
    return undefined;
  },
};

/**
 * Reads a plan file: its shape (schema), then what the schema cannot say:
 * each action once, real days, and an accepted gap with its reason, who
 * accepted it and until when.
 */
export async function loadPlan(path: string, context: ReadContext = {}): Promise<PlanLoad> {
  const read = await readYamlFile(path, { ...context, kind: 'plan file' });
  if (!read.ok) return { ok: false, unreadable: read.reason === 'unreadable', diagnostics: read.diagnostics };
  const { file } = read;
  const schema = schemaDiagnostics(validatePlanFile, file, planVocabulary);
  if (schema.length) return { ok: false, unreadable: false, diagnostics: [...read.diagnostics, ...schema] };
  const plan = file.data as PlanFile;
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const error = (p: (string | number)[], rule: string, message: string, key = false) =>
    diagnostics.push({ file: path, ...file.placeOf(p, { key }), severity: 'error', rule, message });
  const seen = new Set<string>();
  plan.actions.forEach((a, i) => {
    if (seen.has(a.id)) error(['actions', i, 'id'], 'duplicate-action', `action "${a.id}" is in the plan twice; keep one of them`);
    seen.add(a.id);
    for (const field of ['due', 'until', 'done'] as const) {
      const day = a[field];
      if (day !== undefined && !dayOf(day)) error(['actions', i, field], 'bad-date', `"${field}" of action "${a.id}" is not a real day (${day})`);
    }
    if (a.status === 'accepted') {
      for (const [field, what] of [
        ['reason', 'why the gap is accepted'],
        ['acceptedBy', 'who accepted it'],
        ['until', 'the last day the acceptance holds (YYYY-MM-DD)'],
      ] as const) {
        if (a[field] === undefined)
          error(['actions', i, 'status'], 'accepted-without-' + field.toLowerCase(), `action "${a.id}" is accepted without "${field}"; add ${what}`);
      }
    }
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, unreadable: false, diagnostics };
  return { ok: true, plan, text: file.text, diagnostics };
}
