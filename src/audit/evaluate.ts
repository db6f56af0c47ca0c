import type { AnswerRecord, Answers } from '../answers/model.js';
import { conditionHolds, inProfile, referencedQuestions } from '../checklist/applicability.js';
import { isScored, type LoadedChecklist, type Question } from '../checklist/model.js';
import { NOT_APPLICABLE, UNSURE } from '../checklist/vocabulary.js';
import { kindOf } from '../questions/index.js';

/**
 * Where a question stands, given the profile and every answer:
 * - answered: a real answer, with its compliance (null for text);
 * - not-applicable: answered n/a, with a choice that means "does not apply",
 *   or skipped because an earlier answer met the practice (nothing to follow up);
 * - unsure, unanswered, stale: unknown, so they widen the score's range;
 * - closed: skipped because an earlier answer falls short, so it counts as
 *   not done: a business without a loyalty program has no loyalty tiers, and
 *   must not score higher than one with a program and no tiers.
 */
type QuestionState =
  | { status: 'answered'; record: AnswerRecord; compliance: number | null }
  | { status: 'not-applicable'; record: AnswerRecord | undefined }
  | { status: 'unsure'; record: AnswerRecord }
  | { status: 'unanswered'; record: undefined }
  | { status: 'stale'; record: AnswerRecord }
  | { status: 'closed'; record: undefined; by: string };

export interface Evaluated {
  question: Question;
  state: QuestionState;
  /** For a question skipped because an earlier answer met the practice: not part of the audit at all. */
  hidden: boolean;
}

export interface EvaluateOptions {
  /** Whether an answer is older than its question allows (issue of freshness); none is by default. */
  isStale?: (question: Question, record: AnswerRecord) => boolean;
}

/** The state of an answered question, from its record. */
function answeredState(question: Question, record: AnswerRecord | undefined, options: EvaluateOptions): QuestionState {
  if (!record) return { status: 'unanswered', record: undefined };
  if (record.answer === NOT_APPLICABLE) return { status: 'not-applicable', record };
  if (record.answer === UNSURE) return { status: 'unsure', record };
  if (options.isStale?.(question, record)) return { status: 'stale', record };
  const compliance = kindOf(question).compliance(question, record.answer);
  // A scored question whose answer carries no score picked "does not apply".
  if (compliance === null && isScored(question)) return { status: 'not-applicable', record };
  return { status: 'answered', record, compliance };
}

const unknown = (state: QuestionState) => state.status === 'unsure' || state.status === 'unanswered' || state.status === 'stale';

/**
 * Every question of the profile, in checklist order, with its state. A
 * condition only looks at earlier questions; a question that was itself
 * skipped opens nothing after it.
 */
export function evaluate(checklists: readonly LoadedChecklist[], answers: Answers, options: EvaluateOptions = {}): Evaluated[] {
  const out: Evaluated[] = [];
  for (const checklist of checklists) {
    const states = new Map<string, QuestionState>();
    const asked = new Map<string, AnswerRecord>();
    const byId = new Map(checklist.questions.map((q) => [q.id, q]));
    /**
     * Whether a follow-up was skipped because the gateway's answer falls
     * short of the answers that would open it: then it counts as not done.
     * A follow-up that opens on a worse answer ("if not, do you at least…")
     * does not apply after a better one.
     */
    const shortOf = (followUp: Question, gatewayId: string, state: QuestionState): boolean => {
      if (state.status === 'closed') return true;
      if (state.status !== 'answered' || state.compliance === null) return false;
      const gateway = byId.get(gatewayId)!;
      const kind = kindOf(gateway);
      return kind.examples(gateway).some((answer) => {
        const better = (kind.compliance(gateway, answer) ?? 0) > state.compliance!;
        return better && conditionHolds(followUp.when!, checklist.id, (key) => (key === gateway.key ? { answer } : asked.get(key)));
      });
    };
    for (const question of checklist.questions) {
      if (!inProfile(question, answers.profile)) continue;
      if (!question.when || conditionHolds(question.when, checklist.id, (key) => asked.get(key))) {
        const state = answeredState(question, answers.answers.get(question.key), options);
        states.set(question.id, state);
        if (state.record && state.status !== 'stale') asked.set(question.key, state.record);
        out.push({ question, state, hidden: false });
        continue;
      }
      // Skipped: why decides whether it counts.
      const gateways = referencedQuestions(question.when).flatMap((id) => {
        const s = states.get(id);
        return s ? [{ id, state: s }] : [];
      });
      const waiting = gateways.find((g) => unknown(g.state));
      const short = waiting ? undefined : gateways.find((g) => shortOf(question, g.id, g.state));
      let state: QuestionState;
      if (waiting) state = { status: 'unanswered', record: undefined };
      else if (short) state = { status: 'closed', record: undefined, by: `${checklist.id}/${short.id}` };
      else state = { status: 'not-applicable', record: undefined };
      states.set(question.id, state);
      out.push({ question, state, hidden: state.status === 'not-applicable' });
    }
  }
  return out;
}
