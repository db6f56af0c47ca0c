import type { Answers, AnswerValue } from '../answers/model.js';
import { referencedQuestions } from '../checklist/applicability.js';
import { isScored, type LoadedChecklist, type Question } from '../checklist/model.js';
import { STAGES, type Stage } from '../checklist/vocabulary.js';
import type { AnswerResult, CapabilityResult, Maturity, Report, Strength, ToVerify } from '../generated/report.js';
import { kindOf } from '../questions/index.js';
import { rankActions } from './actions.js';
import { evaluate, type EvaluateOptions, type Evaluated } from './evaluate.js';
import { dayOf, isStale } from './freshness.js';
import { assessCapabilities, maturityOf } from './maturity.js';
import { IMPACT_WEIGHT, levelOf, REACH_FACTOR, round } from './model.js';
import { Tally } from './tally.js';

export type { Report };

export interface AuditInput extends EvaluateOptions {
  checklists: readonly LoadedChecklist[];
  answers: Answers;
  /** UTC date, YYYY-MM-DD. */
  date: string;
  toolVersion: string;
  /** How many of the first actions the projection assumes done. */
  top: number;
  /** Override the answers file's client and auditor. */
  client?: string | undefined;
  auditor?: string | undefined;
  warnings?: readonly string[];
}

/** An answer older than its question's validFor is stale on the report's day: unknown, as unsure is. */
function evaluateOptions(input: AuditInput): EvaluateOptions {
  const today = input.date;
  return { isStale: input.isStale ?? (dayOf(today) ? (q, r) => isStale(q, r, today) : undefined) };
}

/** The answer that meets the practice best, to project what doing an action gives. */
function bestAnswer(question: Question): AnswerValue | undefined {
  const kind = kindOf(question);
  let best: AnswerValue | undefined;
  let bestScore = -1;
  for (const answer of kind.examples(question)) {
    const c = kind.compliance(question, answer);
    if (c !== null && c > bestScore) {
      best = answer;
      bestScore = c;
    }
  }
  return best;
}

/** The answers as they would be with the given questions at best practice. */
function withBestAnswers(answers: Answers, questions: readonly Question[]): Answers {
  const next = new Map(answers.answers);
  for (const q of questions) {
    const best = bestAnswer(q);
    if (best !== undefined) next.set(q.key, { answer: best });
  }
  return { ...answers, answers: next };
}

function strengthsOf(evaluated: readonly Evaluated[]): Strength[] {
  return evaluated
    .filter((e) => e.state.status === 'answered' && e.state.compliance === 1 && e.question.strength && e.question.impact)
    .map((e, order) => ({ e, order, worth: IMPACT_WEIGHT[e.question.impact!] * REACH_FACTOR[e.question.reach] }))
    .sort((a, b) => b.worth - a.worth || a.order - b.order)
    .map(({ e }) => ({
      key: e.question.key,
      checklist: e.question.checklistId,
      question: e.question.id,
      text: e.question.strength!,
      impact: e.question.impact!,
    }));
}

function toVerifyOf(evaluated: readonly Evaluated[]): ToVerify[] {
  return evaluated
    .filter((e) => (e.state.status === 'unsure' || e.state.status === 'stale') && e.question.impact)
    .map((e, order) => ({ e, order }))
    .sort((a, b) => IMPACT_WEIGHT[b.e.question.impact!] - IMPACT_WEIGHT[a.e.question.impact!] || a.order - b.order)
    .map(({ e }) => ({
      key: e.question.key,
      checklist: e.question.checklistId,
      question: e.question.id,
      text: e.question.text,
      impact: e.question.impact!,
      note: e.state.record?.note ?? null,
      reason: e.state.status as 'unsure' | 'stale',
    }));
}

function answerResultOf({ question, state }: Evaluated): AnswerResult {
  const record = state.record;
  const compliance = state.status === 'answered' ? state.compliance : state.status === 'closed' ? 0 : null;
  return {
    key: question.key,
    checklist: question.checklistId,
    question: question.id,
    text: question.text,
    stage: question.stage,
    status: state.status,
    answer: record ? record.answer : null,
    label: record ? labelOf(question, record.answer) : null,
    compliance: compliance === null ? null : round(compliance, 3),
    note: record?.note ?? null,
  };
}

/** The answer as the person saw it when they gave it. */
function labelOf(question: Question, value: AnswerValue): string {
  if (value === 'n/a') return 'Not applicable';
  if (value === 'unsure') return 'Unsure';
  return kindOf(question).label(question, value);
}

/**
 * The questions a missing capability rests on, when that capability is
 * what holds the business at its stage or stands in the way of the next:
 * closing them moves the business up, so their fixes weigh more.
 */
function gatingQuestions(checklists: readonly LoadedChecklist[], capabilities: readonly CapabilityResult[], maturity: Maturity | null): Set<string> {
  const keys = new Set<string>();
  if (!maturity) return keys;
  for (const result of capabilities) {
    if (result.status === 'met' || levelOf(result.requiredFor) > maturity.band.level + 1) continue;
    const capability = checklists.find((c) => c.id === result.checklist)?.capabilities.find((c) => c.id === result.id);
    for (const id of capability ? referencedQuestions(capability.met) : []) keys.add(`${result.checklist}/${id}`);
  }
  return keys;
}

/** Score, coverage, maturity and capabilities of evaluated answers: what a projection recomputes too. */
function assess(checklists: readonly LoadedChecklist[], evaluated: readonly Evaluated[]) {
  const overall = new Tally();
  for (const e of evaluated) overall.add(e);
  const capabilities = assessCapabilities(checklists, evaluated);
  const score = overall.score();
  return { overall, score, capabilities, maturity: maturityOf(score.low, capabilities) };
}

/**
 * Scores answers against checklists: the score and its range over what is
 * known, per checklist and journey stage; the stage earned; the actions in
 * the order to do them; strengths; what to verify; every answer. Pure: the
 * same input always gives the same report.
 */
export function audit(input: AuditInput): Report {
  const { answers, checklists } = input;
  const options = evaluateOptions(input);
  const evaluated = evaluate(checklists, answers, options);
  const { overall, score, capabilities, maturity } = assess(checklists, evaluated);
  const actions = rankActions(checklists, evaluated, overall.total, gatingQuestions(checklists, capabilities, maturity));

  const byChecklist = new Map(checklists.map((c) => [c.id, new Tally()]));
  const byStage = new Map<Stage, Tally>(STAGES.map((s) => [s, new Tally()]));
  for (const e of evaluated) {
    byChecklist.get(e.question.checklistId)!.add(e);
    byStage.get(e.question.stage)!.add(e);
  }

  // What the first actions would give: their questions at best practice, everything scored again.
  const top = actions.slice(0, input.top);
  let projection: Report['projection'] = { actions: top.length, low: null, level: null };
  if (score.low !== null && top.length) {
    const keys = new Set(top.flatMap((a) => a.questions.map((q) => q.key)));
    const improved = evaluated.filter((e) => keys.has(e.question.key)).map((e) => e.question);
    const after = assess(checklists, evaluate(checklists, withBestAnswers(answers, improved), options));
    projection = { actions: top.length, low: after.score.low, level: after.maturity?.level ?? null };
  }

  const profile = answers.profile;
  return {
    schemaVersion: 2,
    tool: { name: 'cx-audit', version: input.toolVersion },
    date: input.date,
    client: input.client ?? answers.client ?? null,
    auditor: input.auditor ?? answers.auditor ?? null,
    profile: profile
      ? {
          customerTypes: profile.customerTypes ?? null,
          soleProprietors: profile.soleProprietors ?? null,
          channels: profile.channels ?? null,
          shipsGoods: profile.shipsGoods ?? null,
          hasStaff: profile.hasStaff ?? null,
          outsideSupport: profile.outsideSupport ?? null,
          markets: profile.markets ?? null,
        }
      : null,
    score,
    coverage: overall.coverage,
    checklists: checklists.map((c) => {
      const tally = byChecklist.get(c.id)!;
      return { id: c.id, title: c.title, version: c.version, hash: c.hash, score: tally.score(), coverage: tally.coverage };
    }),
    stages: STAGES.map((stage) => ({ stage, score: byStage.get(stage)!.score(), coverage: byStage.get(stage)!.coverage })),
    maturity,
    capabilities,
    projection,
    actions,
    strengths: strengthsOf(evaluated),
    toVerify: toVerifyOf(evaluated),
    answers: evaluated.filter((e) => !e.hidden && (isScored(e.question) || e.state.status !== 'not-applicable' || e.state.record)).map(answerResultOf),
    comparison: null,
    warnings: [...(input.warnings ?? [])],
  };
}

/**
 * The score's low end and the stage if the questions at `keys` were answered
 * at the practice: what a plan gives once its open actions are done.
 */
export function projectDone(input: AuditInput, keys: ReadonlySet<string>): { low: number | null; level: number | null } {
  const { answers, checklists } = input;
  const options = evaluateOptions(input);
  const questions = checklists.flatMap((c) => c.questions).filter((q) => keys.has(q.key) && isScored(q));
  const after = assess(checklists, evaluate(checklists, withBestAnswers(answers, questions), options));
  return { low: after.score.low, level: after.maturity?.level ?? null };
}

/** The answers with the questions at `keys` taken as not applicable: accepted gaps, for a gate that counts them. */
export function withNotApplicable(answers: Answers, keys: ReadonlySet<string>): Answers {
  const next = new Map(answers.answers);
  for (const key of keys) next.set(key, { answer: 'n/a' });
  return { ...answers, answers: next };
}
