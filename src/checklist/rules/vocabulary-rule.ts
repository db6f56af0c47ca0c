import type { ChecklistRule, Path } from './context.js';

/** A rule that checks a list of words, at checklist level and on every question, against a known set. */
export function vocabularyRule(options: {
  name: string;
  description: string;
  key: 'appliesTo' | 'channels';
  known: readonly string[];
  message: (value: string) => string;
}): ChecklistRule {
  const { key, known } = options;
  return {
    name: options.name,
    severity: 'error',
    description: options.description,
    check(ctx) {
      const lists: { values: string[] | undefined; path: Path }[] = [
        { values: ctx.checklist[key], path: [key] },
        ...ctx.checklist.questions.map((q, i) => ({ values: q[key], path: ['questions', i, key] as Path })),
      ];
      return lists.flatMap(({ values, path }) =>
        (values ?? []).flatMap((value, j) => (known.includes(value) ? [] : [ctx.at([...path, j], options.message(value))])),
      );
    },
  };
}
