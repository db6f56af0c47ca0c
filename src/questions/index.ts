import type { QuestionType } from '../checklist/model.js';
import { choice } from './choice.js';
import type { QuestionKind } from './kind.js';
import { multi } from './multi.js';
import { scale } from './scale.js';
import { text } from './text.js';
import { yesNo } from './yes-no.js';

export type { PromptSpec, QuestionKind } from './kind.js';

/** Every question type and what it means. Adding a type is a module here, a line in this table and its name in the checklist schema. */
export const QUESTION_KINDS: Record<QuestionType, QuestionKind> = {
  'yes-no': yesNo,
  scale,
  choice,
  multi,
  text,
};

export function kindOf(question: { type: QuestionType }): QuestionKind {
  return QUESTION_KINDS[question.type];
}
