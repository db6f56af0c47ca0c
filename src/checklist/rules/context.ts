import type { Checklist, Condition, QuestionSource } from '../model.js';
import type { Diagnostic } from '../../files/diagnostic.js';
import type { YamlFile } from '../../files/yaml-file.js';

export type { DataPath as Path } from '../../files/diagnostic.js';
import type { DataPath as Path } from '../../files/diagnostic.js';

/**
 * What a rule sees: one checklist, holding only what the schema accepted, so
 * that every problem of a file is reported in one run. A question the schema
 * found fault with is left out; its index in paths is still its place in the file.
 */
export interface RuleContext {
  checklist: Checklist;
  /** Where the value (or key) at a data path sits, as `at` would report it. */
  placeOf: YamlFile['placeOf'];
  /** A diagnostic at the value (or, with `key`, the key) at a data path. */
  at(path: Path, message: string, options?: { key?: boolean }): Omit<Diagnostic, 'rule' | 'severity'>;
}

/** A named semantic check. Rules never throw and never depend on each other's output. */
export interface ChecklistRule {
  name: string;
  severity: Diagnostic['severity'];
  /** One line on what it catches, for docs. */
  description: string;
  check(ctx: RuleContext): Omit<Diagnostic, 'rule' | 'severity'>[];
}

/** Every condition inside a question's `when`, with its data path. */
export function* conditionsOf(question: QuestionSource, questionIndex: number): Generator<{ condition: Condition; path: Path }> {
  if (!question.when) return;
  const stack: { condition: Condition; path: Path }[] = [{ condition: question.when, path: ['questions', questionIndex, 'when'] }];
  while (stack.length) {
    const item = stack.pop()!;
    yield item;
    const { condition, path } = item;
    for (const key of ['all', 'any'] as const) {
      condition[key]?.forEach((c, i) => stack.push({ condition: c, path: [...path, key, i] }));
    }
    if (condition.not) stack.push({ condition: condition.not, path: [...path, 'not'] });
  }
}

/** The question ids a condition refers to. */
export function referencesOf(question: QuestionSource, questionIndex: number): { id: string; path: Path }[] {
  const refs: { id: string; path: Path }[] = [];
  for (const { condition, path } of conditionsOf(question, questionIndex)) {
    if (condition.question !== undefined) refs.push({ id: condition.question, path: [...path, 'question'] });
  }
  return refs;
}
