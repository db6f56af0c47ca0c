import { createHash } from 'node:crypto';
import type { Question } from '../checklist/model.js';

/**
 * A fingerprint of a question as a person sees it: its text, its type and
 * its choices (the label a person picks, with its id and score). The
 * interview stores it with each answer; when the question changes (an
 * override in a checklist pack, a new version of a checklist), the answer no
 * longer says what it said, and is asked again.
 */
export function questionStamp(question: Pick<Question, 'text' | 'type' | 'choices'>): string {
  const what = JSON.stringify([question.text, question.type, question.choices.map((c) => [c.id, c.label, c.score ?? null])]);
  return createHash('sha256').update(what).digest('hex').slice(0, 8);
}
