import type { AnswerRecord, Profile } from '../answers/model.js';
import type { Condition, Need, Question } from './model.js';
import { NOT_APPLICABLE, UNSURE } from './vocabulary.js';

/**
 * Whether a profile fact holds. A fact the profile does not state (an older
 * answers file, a flag not given) holds: the question is asked.
 */
function holds(need: Need, profile: Profile): boolean {
  switch (need) {
    case 'ships-goods':
      return profile.shipsGoods !== false;
    case 'has-staff':
      return profile.hasStaff !== false;
    case 'solo':
      return profile.hasStaff !== true;
    case 'outside-support':
      return profile.outsideSupport !== false;
    case 'business-buyers': {
      const types = profile.customerTypes;
      if (!types) return true;
      const sellsToBusinesses = types.includes('b2b') || types.includes('b2g');
      const soleProprietorBuyers = profile.soleProprietors !== false && (types.includes('b2c') || types.includes('b2b'));
      return sellsToBusinesses || soleProprietorBuyers;
    }
  }
}

/** Whether the business's profile includes this question: customer types, channels, needs and markets. */
export function inProfile(question: Pick<Question, 'appliesTo' | 'channels' | 'needs' | 'markets'>, profile: Profile | undefined): boolean {
  if (!profile) return true;
  const { customerTypes, channels, markets } = profile;
  if (question.appliesTo && customerTypes && !question.appliesTo.some((t) => customerTypes.includes(t))) return false;
  if (question.channels && channels && !question.channels.some((c) => channels.includes(c))) return false;
  if (question.markets && markets && !question.markets.some((m) => markets.includes(m))) return false;
  if (question.needs && !question.needs.every((n) => holds(n, profile))) return false;
  return true;
}

type Lookup = (questionKey: string) => AnswerRecord | undefined;

/** The question ids a condition names, at any depth (all, any, not). */
export function referencedQuestions(condition: Condition): string[] {
  const ids: string[] = [];
  const stack = [condition];
  while (stack.length) {
    const c = stack.pop()!;
    if (c.question !== undefined) ids.push(c.question);
    stack.push(...(c.all ?? []), ...(c.any ?? []), ...(c.not ? [c.not] : []));
  }
  return ids;
}

function matches(record: AnswerRecord | undefined, value: string | number): boolean {
  if (!record) return false;
  const answer = record.answer;
  if (answer === NOT_APPLICABLE || answer === UNSURE) return false;
  return Array.isArray(answer) ? answer.includes(String(value)) : answer === value;
}

/**
 * Evaluates skip logic. A condition on a question that has no real answer
 * (skipped, unanswered, n/a, unsure) is false; `not` inverts that.
 */
export function conditionHolds(condition: Condition, checklistId: string, lookup: Lookup): boolean {
  if (condition.all) return condition.all.every((c) => conditionHolds(c, checklistId, lookup));
  if (condition.any) return condition.any.some((c) => conditionHolds(c, checklistId, lookup));
  if (condition.not) return !conditionHolds(condition.not, checklistId, lookup);
  if (condition.question === undefined) return false;
  const record = lookup(`${checklistId}/${condition.question}`);
  if (condition.is !== undefined) return matches(record, condition.is);
  return (condition.in ?? []).some((v) => matches(record, v));
}

/**
 * Whether a question is asked: in the profile, and its `when` holds given the
 * answers so far. Conditions only look at earlier questions, so evaluating in
 * checklist order is enough; answers to questions that were themselves skipped
 * must not count, which `lookup` ensures by returning only asked answers.
 */
function isAsked(question: Question, profile: Profile | undefined, lookup: Lookup): boolean {
  if (!inProfile(question, profile)) return false;
  return question.when ? conditionHolds(question.when, question.checklistId, lookup) : true;
}

/**
 * The questions of a checklist that are asked, in order, given a profile and
 * answers: a skipped question's stale answer never opens its follow-ups.
 */
export function askedQuestions(questions: readonly Question[], profile: Profile | undefined, answers: ReadonlyMap<string, AnswerRecord>): Question[] {
  const asked = new Map<string, AnswerRecord | undefined>();
  const lookup: Lookup = (key) => asked.get(key);
  const out: Question[] = [];
  for (const q of questions) {
    if (!isAsked(q, profile, lookup)) continue;
    asked.set(q.key, answers.get(q.key));
    out.push(q);
  }
  return out;
}

/** A condition's value when some of the answers it looks at may still come. */
type Maybe = boolean | 'unknown';

function maybeHolds(condition: Condition, checklistId: string, lookup: (key: string) => AnswerRecord | 'unknown' | undefined): Maybe {
  const fold = (parts: readonly Condition[], stop: boolean): Maybe => {
    let unknown = false;
    for (const part of parts) {
      const value = maybeHolds(part, checklistId, lookup);
      if (value === stop) return stop;
      if (value === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : !stop;
  };
  if (condition.all) return fold(condition.all, false);
  if (condition.any) return fold(condition.any, true);
  if (condition.not) {
    const inner = maybeHolds(condition.not, checklistId, lookup);
    return inner === 'unknown' ? inner : !inner;
  }
  if (condition.question === undefined) return false;
  const record = lookup(`${checklistId}/${condition.question}`);
  if (record === 'unknown') return 'unknown';
  if (condition.is !== undefined) return matches(record, condition.is);
  return (condition.in ?? []).some((v) => matches(record, v));
}

/**
 * The questions that are asked or may still be: in the profile, and with a
 * `when` that holds or waits on a question not answered yet. Follow-ups
 * count until an answer rules them out, so a total taken from this list
 * never grows as the interview goes on.
 */
export function possibleQuestions(questions: readonly Question[], profile: Profile | undefined, answers: ReadonlyMap<string, AnswerRecord>): Question[] {
  const seen = new Map<string, AnswerRecord | 'unknown' | undefined>();
  const lookup = (key: string) => seen.get(key);
  const out: Question[] = [];
  for (const q of questions) {
    if (!inProfile(q, profile)) continue;
    const verdict = q.when ? maybeHolds(q.when, q.checklistId, lookup) : true;
    if (verdict === false) continue;
    // Asked for sure: its answer counts, or it is still to come; may be asked: whatever it says is not known yet.
    seen.set(q.key, verdict === true ? (answers.get(q.key) ?? 'unknown') : 'unknown');
    out.push(q);
  }
  return out;
}
