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

/** A condition at the top of a checklist: a question's `when`, or a capability's `met`. */
export interface ConditionHolder {
  /** `question "x"`, `capability "y"`, for messages. */
  name: string;
  condition: Condition;
  path: Path;
}

/** Every top-level condition of a checklist. */
export function conditionHolders(checklist: Checklist): ConditionHolder[] {
  const holders: ConditionHolder[] = [];
  checklist.questions.forEach((q, i) => {
    if (q.when) holders.push({ name: `question "${q.id}"`, condition: q.when, path: ['questions', i, 'when'] });
  });
  (checklist.capabilities ?? []).forEach((c, i) => holders.push({ name: `capability "${c.id}"`, condition: c.met, path: ['capabilities', i, 'met'] }));
  return holders;
}

/** Every condition inside a top-level one (all, any, not), with its data path. */
export function* conditionsIn(holder: Pick<ConditionHolder, 'condition' | 'path'>): Generator<{ condition: Condition; path: Path }> {
  const stack: { condition: Condition; path: Path }[] = [{ condition: holder.condition, path: holder.path }];
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

/** The question ids a condition refers to, with the path of each. */
export function referencesIn(holder: Pick<ConditionHolder, 'condition' | 'path'>): { id: string; path: Path }[] {
  const refs: { id: string; path: Path }[] = [];
  for (const { condition, path } of conditionsIn(holder)) {
    if (condition.question !== undefined) refs.push({ id: condition.question, path: [...path, 'question'] });
  }
  return refs;
}

/** The question ids a question's `when` refers to. */
export function referencesOf(question: QuestionSource, questionIndex: number): { id: string; path: Path }[] {
  return question.when ? referencesIn({ condition: question.when, path: ['questions', questionIndex, 'when'] }) : [];
}
