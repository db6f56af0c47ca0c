import type { AnswerRecord, Answers, AnswerValue, Profile } from '../../src/answers/model.js';
import { checkChecklistFile } from '../../src/checklist/load.js';
import type { LoadedChecklist, QuestionSource, ActionSource, CapabilitySource } from '../../src/checklist/model.js';

type QuestionSpec = Partial<QuestionSource> & { id: string };

/**
 * A checklist built in code and loaded the way a file is (schema, rules,
 * defaults), with every question defaulting to a medium/low yes-no one with
 * its own title. Any problem with it fails the test that builds it.
 */
export function checklist(
  id: string,
  questions: QuestionSpec[],
  extra: { title?: string; version?: string; hash?: string; actions?: ActionSource[]; capabilities?: CapabilitySource[]; stage?: QuestionSource['stage'] } = {},
): LoadedChecklist {
  const data = {
    id,
    title: extra.title ?? `Checklist ${id}`,
    version: extra.version ?? '1.0.0',
    stage: extra.stage ?? 'during-sale',
    ...(extra.actions ? { actions: extra.actions } : {}),
    ...(extra.capabilities ? { capabilities: extra.capabilities } : {}),
    questions: questions.map((q) => {
      const scored = (q.type ?? 'yes-no') !== 'text';
      return {
        text: `Question ${q.id}?`,
        type: 'yes-no' as const,
        ...(scored ? { impact: 'medium' as const, effort: 'low' as const, why: `Why ${q.id}.`, fix: `Fix ${q.id}.` } : {}),
        ...(scored && !q.action ? { title: `Fix ${q.id}` } : {}),
        ...q,
      };
    }),
  };
  const checked = checkChecklistFile({
    path: `${id}.yaml`,
    hash: extra.hash ?? `sha256-${id.padEnd(16, '0').slice(0, 16)}`,
    data,
    text: '',
    placeOf: () => ({}),
  });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (!checked.checklist || errors.length) throw new Error(`test checklist ${id} is invalid: ${errors.map((d) => `${d.rule}: ${d.message}`).join('; ')}`);
  return checked.checklist;
}

/** Answers from `{ 'c/q': value }` or `{ 'c/q': { answer, note } }`. */
export function answers(values: Record<string, AnswerValue | AnswerRecord>, profile?: Profile): Answers {
  const map = new Map<string, AnswerRecord>();
  for (const [key, v] of Object.entries(values)) {
    map.set(key, typeof v === 'object' && !Array.isArray(v) ? v : { answer: v });
  }
  return { checklists: new Map(), answers: map, ...(profile ? { profile } : {}) };
}
