import type { AnswerRecord, Answers, AnswerValue, Profile } from '../../src/answers/model.js';
import type { LoadedChecklist, Question } from '../../src/checklist/model.js';

type QuestionSpec = Partial<Omit<Question, 'key' | 'checklistId' | 'index'>> & { id: string };

/** A checklist built in code, with every question defaulting to a medium/low yes-no one. */
export function checklist(id: string, questions: QuestionSpec[], extra: Partial<LoadedChecklist> = {}): LoadedChecklist {
  return {
    id,
    title: extra.title ?? `Checklist ${id}`,
    version: extra.version ?? '1.0.0',
    description: undefined,
    hash: extra.hash ?? `sha256-${id.padEnd(16, '0').slice(0, 16)}`,
    file: `${id}.yaml`,
    questions: questions.map((q, index) => ({
      key: `${id}/${q.id}`,
      checklistId: id,
      index,
      text: q.text ?? `Question ${q.id}?`,
      type: q.type ?? 'yes-no',
      stage: q.stage ?? 'during-sale',
      appliesTo: q.appliesTo,
      channels: q.channels,
      when: q.when,
      impact: q.type === 'text' ? q.impact : (q.impact ?? 'medium'),
      effort: q.type === 'text' ? q.effort : (q.effort ?? 'low'),
      why: q.why ?? `Why ${q.id}.`,
      fix: q.fix ?? `Fix ${q.id}.`,
      learnMore: [],
      choices: q.choices ?? [],
      ...q,
    })),
  };
}

/** Answers from `{ 'c/q': value }` or `{ 'c/q': { answer, note } }`. */
export function answers(values: Record<string, AnswerValue | AnswerRecord>, profile?: Profile): Answers {
  const map = new Map<string, AnswerRecord>();
  for (const [key, v] of Object.entries(values)) {
    map.set(key, typeof v === 'object' && !Array.isArray(v) ? v : { answer: v });
  }
  return { checklists: new Map(), answers: map, ...(profile ? { profile } : {}) };
}
