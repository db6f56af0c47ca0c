import type { AnswerRecord, Answers, AnswerValue } from '../answers/model.js';
import { askedQuestions } from '../checklist/applicability.js';
import { isScored, type LoadedChecklist, type Question } from '../checklist/model.js';
import { NOT_APPLICABLE, STAGES, UNSURE, type Stage } from '../checklist/vocabulary.js';
import { kindOf } from '../questions/index.js';
import type { AnswerResult, Counts, Fix, Report, Score, ToVerify } from '../generated/report.js';
import { IMPACT_WEIGHT, maturityOf, priorityOf, round, tierOf } from './model.js';

export type { Report };

export interface AuditInput {
  checklists: readonly LoadedChecklist[];
  answers: Answers;
  /** UTC date, YYYY-MM-DD. */
  date: string;
  toolVersion: string;
  /** How many top fixes the projection assumes done. */
  top: number;
  /** Override the answers file's client and auditor. */
  client?: string;
  auditor?: string;
  warnings?: readonly string[];
}

/** How far an answer meets the good practice, 0 to 1; null when it carries no score. */
export function complianceOf(question: Question, value: AnswerValue): number | null {
  if (value === NOT_APPLICABLE || value === UNSURE) return null;
  return kindOf(question).compliance(question, value);
}

/** The answer as the person saw it when they gave it. */
function labelOf(question: Question, value: AnswerValue): string {
  if (value === NOT_APPLICABLE) return 'Not applicable';
  if (value === UNSURE) return 'Unsure';
  return kindOf(question).label(question, value);
}

/** Sums that make a score: Σ weight × compliance over Σ weight, and the weight still unsure. */
class Tally {
  earned = 0;
  possible = 0;
  unsureWeight = 0;
  counts: Counts = { applicable: 0, answered: 0, notApplicable: 0, unsure: 0, unanswered: 0 };

  add(question: Question, record: AnswerRecord | undefined, compliance: number | null): void {
    this.counts.applicable++;
    const weight = question.impact ? IMPACT_WEIGHT[question.impact] : 0;
    if (!record) this.counts.unanswered++;
    else if (record.answer === NOT_APPLICABLE) this.counts.notApplicable++;
    else if (record.answer === UNSURE) {
      this.counts.unsure++;
      if (isScored(question)) this.unsureWeight += weight;
    } else {
      this.counts.answered++;
      if (compliance !== null) {
        this.earned += weight * compliance;
        this.possible += weight;
      }
    }
  }

  score(): Score {
    const total = this.possible + this.unsureWeight;
    if (total === 0) return { value: null, min: null, max: null };
    return {
      value: this.possible ? round((100 * this.earned) / this.possible) : null,
      min: round((100 * this.earned) / total),
      max: round((100 * (this.earned + this.unsureWeight)) / total),
    };
  }
}

/**
 * Scores answers against checklists: per checklist, per journey stage and
 * overall; the fixes in priority order; what to verify; every answer. Pure:
 * the same input always gives the same report.
 */
export function audit(input: AuditInput): Report {
  const { answers } = input;
  const overall = new Tally();
  const byStage = new Map<Stage, Tally>(STAGES.map((s) => [s, new Tally()]));
  const gaps: { question: Question; compliance: number; order: number; priority: number }[] = [];
  const toVerify: (ToVerify & { order: number; weight: number })[] = [];
  const answerResults: AnswerResult[] = [];
  let order = 0;

  const checklistResults = input.checklists.map((checklist) => {
    const tally = new Tally();
    for (const question of askedQuestions(checklist.questions, answers.profile, answers.answers)) {
      const record = answers.answers.get(question.key);
      const compliance = record ? complianceOf(question, record.answer) : null;
      tally.add(question, record, compliance);
      overall.add(question, record, compliance);
      byStage.get(question.stage)!.add(question, record, compliance);
      order++;
      if (compliance !== null && compliance < 1 && question.impact && question.effort) {
        gaps.push({ question, compliance, order, priority: priorityOf(question.impact, question.effort, compliance) });
      }
      if (record?.answer === UNSURE && question.impact) {
        toVerify.push({
          key: question.key,
          checklist: checklist.id,
          question: question.id,
          text: question.text,
          impact: question.impact,
          note: record.note ?? null,
          order,
          weight: IMPACT_WEIGHT[question.impact],
        });
      }
      answerResults.push({
        key: question.key,
        checklist: checklist.id,
        question: question.id,
        text: question.text,
        stage: question.stage,
        status: !record ? 'unanswered' : record.answer === NOT_APPLICABLE ? 'not-applicable' : record.answer === UNSURE ? 'unsure' : 'answered',
        answer: record ? record.answer : null,
        label: record ? labelOf(question, record.answer) : null,
        compliance: compliance === null ? null : round(compliance, 3),
        note: record?.note ?? null,
      });
    }
    return { id: checklist.id, title: checklist.title, version: checklist.version, hash: checklist.hash, score: tally.score(), counts: tally.counts };
  });

  const possible = overall.possible;
  // Highest value per unit of work first; ties go to the bigger impact, then to checklist order.
  const ranked = gaps.sort((a, b) => b.priority - a.priority || IMPACT_WEIGHT[b.question.impact!] - IMPACT_WEIGHT[a.question.impact!] || a.order - b.order);
  const fixes: Fix[] = ranked.map(({ question, compliance, priority }, i) => ({
    rank: i + 1,
    key: question.key,
    checklist: question.checklistId,
    question: question.id,
    text: question.text,
    why: question.why ?? null,
    fix: question.fix ?? null,
    impact: question.impact!,
    effort: question.effort!,
    stage: question.stage,
    tier: tierOf(question.impact!, question.effort!),
    priority: round(priority, 3),
    compliance: round(compliance, 3),
    gain: round((100 * IMPACT_WEIGHT[question.impact!] * (1 - compliance)) / possible),
  }));

  const score = overall.score();
  const top = ranked.slice(0, input.top);
  const recovered = top.reduce((sum, f) => sum + IMPACT_WEIGHT[f.question.impact!] * (1 - f.compliance), 0);
  const projected = score.value === null ? null : round((100 * (overall.earned + recovered)) / possible);
  const maturity = maturityOf(score.value);

  return {
    schemaVersion: 1,
    tool: { name: 'cx-audit', version: input.toolVersion },
    date: input.date,
    client: input.client ?? answers.client ?? null,
    auditor: input.auditor ?? answers.auditor ?? null,
    profile: answers.profile ? { customerTypes: answers.profile.customerTypes ?? null, channels: answers.profile.channels ?? null } : null,
    checklists: checklistResults,
    score,
    stages: STAGES.map((stage) => ({ stage, score: byStage.get(stage)!.score(), counts: byStage.get(stage)!.counts })),
    counts: overall.counts,
    maturity: { level: maturity.level, name: maturity.name, description: maturity.description },
    projection: { fixes: top.length, score: projected },
    fixes,
    toVerify: toVerify.sort((a, b) => b.weight - a.weight || a.order - b.order).map(({ order: _o, weight: _w, ...item }) => item),
    answers: answerResults,
    comparison: null,
    warnings: [...(input.warnings ?? [])],
  };
}
