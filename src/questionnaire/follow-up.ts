import type { Condition, Question } from '../checklist/model.js';
import { orList } from '../text/suggest.js';
import { answerForm, answerText } from './answer-text.js';

/** Where a question a condition looks at sits in the sheet, if it is there. */
export type Locate = (key: string) => { question: Question; row: number } | undefined;

/** A part of a longer condition, in brackets when it joins parts of its own. */
function part(condition: Condition, checklistId: string, locate: Locate): string {
  const text = conditionText(condition, checklistId, locate);
  return condition.all || condition.any ? `(${text})` : text;
}

/**
 * A follow-up's `when` in words a person filling in the sheet can check:
 * `shop/sells-online (row 2) is “Yes”`. The answers are shown as the sheet
 * shows them; a multiple-answer question "includes" them.
 */
export function conditionText(condition: Condition, checklistId: string, locate: Locate): string {
  if (condition.all) return condition.all.map((c) => part(c, checklistId, locate)).join(' and ');
  if (condition.any) return condition.any.map((c) => part(c, checklistId, locate)).join(' or ');
  if (condition.not) return `not ${part(condition.not, checklistId, locate)}`;
  const key = `${checklistId}/${condition.question ?? '?'}`;
  const found = locate(key);
  const form = found && answerForm(found.question);
  const values = condition.is !== undefined ? [condition.is] : (condition.in ?? []);
  const texts = values.map((v) => `“${form ? answerText(form, v) : String(v)}”`);
  return `${found ? `${key} (row ${found.row})` : key} ${form?.kind === 'any' ? 'includes' : 'is'} ${orList(texts)}`;
}
