import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const bad = (name: string) => `test/fixtures/bad/${name}.yaml`;

/**
 * Every loading limit and semantic rule, with the exact message a checklist
 * author sees: file:line:column, what is wrong, how to fix it, and the rule.
 */
const CASES: { fixture: string; exitCode: number; lines: string[] }[] = [
  // Loading limits
  { fixture: 'empty', exitCode: 1, lines: ['empty.yaml: error: is empty; a checklist needs content [empty-file]'] },
  { fixture: 'comments-only', exitCode: 1, lines: ['comments-only.yaml: error: is empty; a checklist needs content [empty-file]'] },
  {
    fixture: 'binary',
    exitCode: 1,
    lines: ['binary.yaml:4:8: error: contains binary data (a NUL byte); a checklist must be UTF-8 text [binary-file]'],
  },
  { fixture: 'latin1', exitCode: 1, lines: ['latin1.yaml:2:11: error: is not valid UTF-8; save the checklist with UTF-8 encoding [encoding]'] },
  {
    fixture: 'bom',
    exitCode: 0,
    lines: [
      'bom.yaml:1:1: warning: starts with a byte-order mark (BOM); it was ignored, but some tools choke on it. Save as UTF-8 without BOM [byte-order-mark]',
    ],
  },
  {
    // CRLF files are read as they are; places stay right.
    fixture: 'crlf',
    exitCode: 1,
    lines: ['crlf.yaml:9:13: error: "impact" in question "q" must be critical, high, medium or low, not the text "hgh"; did you mean "high"? [unknown-value]'],
  },
  {
    fixture: 'mixed-line-endings',
    exitCode: 0,
    lines: [
      'mixed-line-endings.yaml:3:15: warning: mixes CRLF and LF line endings; this line ends with LF where earlier lines use CRLF. Convert the file to one style [mixed-line-endings]',
    ],
  },
  {
    fixture: 'duplicate-key',
    exitCode: 1,
    lines: ['duplicate-key.yaml:10:5: error: key "impact" appears twice in the same mapping; remove or rename one of them [duplicate-key]'],
  },
  {
    fixture: 'tab-indent',
    exitCode: 1,
    lines: ['tab-indent.yaml:4:1: error: Tabs are not allowed as indentation: YAML indents with spaces only; replace the tab with spaces [yaml-syntax]'],
  },
  {
    fixture: 'unclosed-bracket',
    exitCode: 1,
    lines: [
      'unclosed-bracket.yaml:10:5: error: Flow sequence in block collection must be sufficiently indented and end with a ]: a closing bracket is missing on this line or one above it [yaml-syntax]',
    ],
  },
  {
    fixture: 'unclosed-quote',
    exitCode: 1,
    lines: ['unclosed-quote.yaml:2:8: error: this quoted text is never closed; add the closing quote [yaml-syntax]'],
  },
  {
    fixture: 'bad-indentation',
    exitCode: 1,
    lines: [
      'bad-indentation.yaml:8:1: error: Sequence item without - indicator: line this up with the lines above it: the same column for the same level, spaces only [yaml-syntax]',
    ],
  },
  {
    fixture: 'missing-colon',
    exitCode: 1,
    lines: [
      'missing-colon.yaml:3:1: error: Implicit keys need to be on a single line: every line of a mapping needs "key: value"; is a colon missing here, or a quote left open above? [yaml-syntax]',
    ],
  },
  {
    fixture: 'custom-tag',
    exitCode: 1,
    lines: [
      'custom-tag.yaml:2:8: error: Unresolved tag: !!js/function: custom YAML tags are not supported; remove the tag (the word starting with !) [yaml-tag]',
    ],
  },
  {
    fixture: 'alias-bomb',
    exitCode: 1,
    lines: ['alias-bomb.yaml:6:10: error: expands YAML aliases (*name) to more than 2,000,000 values; write the repeated parts out instead [alias-limit]'],
  },
  {
    fixture: 'deep-nesting',
    exitCode: 1,
    lines: ['deep-nesting.yaml:4:268: error: nests brackets more than 256 levels deep; no checklist needs that [too-deep]'],
  },
  {
    fixture: 'two-documents',
    exitCode: 1,
    lines: ['two-documents.yaml:4:1: error: holds 2 YAML documents (separated by ---); put each checklist in its own file [multiple-documents]'],
  },
  // Schema pass
  {
    fixture: 'missing-keys',
    exitCode: 1,
    lines: [
      'missing-keys.yaml:1:1: error: the checklist is missing "version": add version: "1.0.0" [missing-key]',
      'missing-keys.yaml:5:5: error: question "q" is missing "impact": add impact: critical, high, medium or low (what closing the gap is worth) [missing-key]',
    ],
  },
  {
    fixture: 'unknown-key',
    exitCode: 1,
    lines: ['unknown-key.yaml:9:5: error: question "q" has an unknown key "aplliesTo"; did you mean "appliesTo"? [unknown-key]'],
  },
  {
    fixture: 'wrong-types',
    exitCode: 1,
    lines: [
      'wrong-types.yaml:1:5: error: "id" in the checklist is not valid ("Wrong Types"): ids use lowercase letters, digits and single dashes, like "wrong-types" [bad-format]',
      'wrong-types.yaml:3:10: error: "version" in the checklist must be text, not the number 1: YAML read it as a number; quote it and use three parts, like version: "1.0.0" [wrong-type]',
      'wrong-types.yaml:8:11: error: "type" in question "q" must be yes-no, scale, choice, multi or text, not the text "yes-or-no"; did you mean "yes-no"? [unknown-value]',
    ],
  },
  {
    fixture: 'proto-key',
    exitCode: 1,
    lines: [
      'proto-key.yaml:5:1: error: the checklist has an unknown key "__proto__"; allowed keys are "id", "title", "version", "description", "stage", "appliesTo", "channels", "needs", "markets", "owner", "actions", "capabilities", "extends", "skip", "override" or "questions" [unknown-key]',
      'proto-key.yaml:14:5: error: question "q" has an unknown key "constructor"; allowed keys are "id", "text", "type", "stage", "appliesTo", "channels", "needs", "markets", "when", "impact", "effort", "kind", "reach", "title", "action", "after", "strength", "owner", "validFor", "why", "fix", "learnMore" or "choices" [unknown-key]',
    ],
  },
  {
    fixture: 'not-a-mapping',
    exitCode: 1,
    lines: ['not-a-mapping.yaml:1:1: error: the checklist must be a mapping of keys to values, not a list [wrong-type]'],
  },
  {
    fixture: 'questions-not-a-list',
    exitCode: 1,
    lines: [
      'questions-not-a-list.yaml:6:3: error: "questions" in the checklist must be a list, not a mapping: write each question as a list item that starts with "- " [wrong-type]',
    ],
  },
  {
    fixture: 'question-not-a-mapping',
    exitCode: 1,
    lines: [
      'question-not-a-mapping.yaml:6:5: error: question 1 must be a mapping of keys to values, not the text "Do you answer email within a day?" [wrong-type]',
    ],
  },
  {
    fixture: 'score-as-text',
    exitCode: 1,
    lines: ['score-as-text.yaml:14:35: error: "score" in choice "a" of question "q" must be a number, not the text "high" [wrong-type]'],
  },
  {
    fixture: 'when-as-text',
    exitCode: 1,
    lines: [
      'when-as-text.yaml:17:11: error: "when" in question "b" must be a mapping of keys to values, not the text "a == \'yes\'": conditions are data, not expressions: write { question: <id>, is: <answer> } [wrong-type]',
    ],
  },
  {
    fixture: 'learn-more-not-url',
    exitCode: 1,
    lines: [
      'learn-more-not-url.yaml:13:17: error: item 1 of "learnMore" in question "q" is not valid ("www.example.com"): write a full web address starting with https:// [bad-format]',
    ],
  },
  {
    fixture: 'empty-text',
    exitCode: 1,
    lines: ['empty-text.yaml:7:11: error: "text" in question "q" is empty; write the text or remove the key [empty-text]'],
  },
  {
    fixture: 'empty-condition',
    exitCode: 1,
    lines: [
      'empty-condition.yaml:9:11: error: a "when" condition of question "q" is empty: write {question: <id>, is: <answer>}, or use all, any or not [too-few]',
    ],
  },
  // Semantic rules
  {
    fixture: 'duplicate-question-id',
    exitCode: 1,
    lines: ['duplicate-question-id.yaml:14:9: error: question id "same" is already used on line 6; give each question its own id [duplicate-question-id]'],
  },
  {
    fixture: 'choices',
    exitCode: 1,
    lines: [
      'choices.yaml:6:5: error: choice question "no-choices" has no choices; add a "choices" list of {id, label, score} [choices-match-type]',
      'choices.yaml:22:5: error: yes-no question "yes-no-with-choices" has choices, which only questions that pick from choices use; remove them or change its type [choices-match-type]',
      'choices.yaml:34:39: error: choice "low" of question "bad-scores" scores -0.5; scores run from 0 (the gap) to 1 (best practice) [choice-score-range]',
      'choices.yaml:35:41: error: choice "high" of question "bad-scores" scores 2; scores run from 0 (the gap) to 1 (best practice) [choice-score-range]',
      'choices.yaml:36:15: error: choice id "high" appears twice in question "bad-scores"; give each choice its own id [duplicate-choice-id]',
    ],
  },
  {
    fixture: 'when-references',
    exitCode: 1,
    lines: [
      'when-references.yaml:17:23: error: question "dangling" depends on question "has-shpo", which this checklist does not have; did you mean "has-shop"? [unknown-reference]',
      'when-references.yaml:26:37: error: "maybe" is not an answer yes-no question "has-shop" can give; use "yes" or "no" [impossible-condition-value]',
      'when-references.yaml:35:23: error: question "forward" depends on "later", which comes later; questions are asked in order, so move "later" above it [forward-reference]',
      'when-references.yaml:35:34: error: "yes" is not an answer scale question "later" can give; use 1, 2, 3, 4 or 5 [impossible-condition-value]',
      'when-references.yaml:44:83: error: 7 is not an answer yes-no question "has-shop" can give; use "yes" or "no" [impossible-condition-value]',
      'when-references.yaml:53:11: error: a "when" condition of question "shapeless" mixes "question" and "all"; use one form per condition: {question, is}, {question, in}, {all: [...]}, {any: [...]} or {not: ...} [condition-shape]',
    ],
  },
  {
    fixture: 'when-cycle',
    exitCode: 1,
    lines: [
      'when-cycle.yaml:9:23: error: questions "a" → "c" → "b" → "a" depend on each other in a circle, so none of them could ever be asked; remove one of these conditions [when-cycle]',
      'when-cycle.yaml:36:23: error: question "self" depends on itself; a question cannot be skipped because of its own answer [when-cycle]',
    ],
  },
  {
    fixture: 'vocabulary',
    exitCode: 1,
    lines: [
      'vocabulary.yaml:4:13: error: unknown customer type "b2x"; customer types are b2c, b2b, c2c or b2g. Did you mean "b2c"? [unknown-customer-type]',
      'vocabulary.yaml:6:9: error: question "q" has no stage; add stage: before-sale, during-sale or after-sale to it, or a default stage to the checklist [missing-stage]',
      'vocabulary.yaml:9:16: error: unknown channel "webshop"; channels are web-shop, physical-store, phone, email, live-chat, chatbot, newsletter or social-media. Did you mean "web-shop"? [unknown-channel]',
      'vocabulary.yaml:9:25: error: unknown channel "fax"; channels are web-shop, physical-store, phone, email, live-chat, chatbot, newsletter or social-media [unknown-channel]',
    ],
  },
  {
    // Read as a multi-line text by YAML, the line above gets the blame; the line to fix is this one.
    fixture: 'over-indented-key',
    exitCode: 1,
    lines: [
      'over-indented-key.yaml:8:6: error: "type" is indented further than "text" above it (5 spaces, not 4); keys of one mapping start at the same column [yaml-syntax]',
    ],
  },
  { fixture: 'utf16', exitCode: 1, lines: ['utf16.yaml:1:1: error: is UTF-16 text; save the checklist with UTF-8 encoding [encoding]'] },
  {
    fixture: 'nan-title',
    exitCode: 1,
    lines: [
      'nan-title.yaml:2:8: error: "title" in the checklist must be text, not .nan, which YAML reads as "not a number": put the text in quotes if it contains a colon or starts with a special character [wrong-type]',
    ],
  },
  {
    // Schema and semantic problems in one run, not in waves.
    fixture: 'every-problem-at-once',
    exitCode: 1,
    lines: [
      'every-problem-at-once.yaml:10:13: error: "impact" in question "a" must be critical, high, medium or low, not the text "hgh"; did you mean "high"? [unknown-value]',
      'every-problem-at-once.yaml:17:23: error: question "b" depends on question "nowhere", which this checklist does not have [unknown-reference]',
      'every-problem-at-once.yaml:23:9: error: question id "b" is already used on line 14; give each question its own id [duplicate-question-id]',
    ],
  },
  {
    // YAML 1.2 core, whatever else the file holds: +.5 is a number, 0b1 is text (an asterisk in a text once switched parsers).
    fixture: 'plus-score',
    exitCode: 1,
    lines: ['plus-score.yaml:16:39: error: "score" in choice "c" of question "q" must be a number, not the text "0b1" [wrong-type]'],
  },
  {
    fixture: 'warnings',
    exitCode: 0,
    lines: [
      'warnings.yaml:6:9: warning: question "no-advice" has no "why"; the report cannot tell the owner why this gap matters [missing-why]',
      'warnings.yaml:6:9: warning: question "no-advice" has no "fix"; the report will list the gap without an action to take [missing-fix]',
      'warnings.yaml:6:9: warning: question "no-advice" has no "title"; add a short imperative to head each fix in reports, like "Reply to every email within a day" (until then the fix\'s first sentence stands in) [missing-title]',
      'warnings.yaml:19:5: warning: no answer to question "never-full" reaches full marks (the best scores 0.5), so it always counts as a gap; give the best-practice answer a score of 1 [no-full-score]',
      'warnings.yaml:25:5: warning: text question "free-text" is not scored, so its "impact" is never used; remove it or make it a scored question [unscored-fields]',
    ],
  },
];

describe('validate: every limit and rule gives its exact message and place', () => {
  it.each(CASES)('$fixture', async ({ fixture, exitCode, lines }) => {
    const result = await runCli(['validate', bad(fixture)]);
    const diagnostics = result.stdout.split('\n').filter((l) => l.startsWith('test/'));
    expect(diagnostics).toEqual(lines.map((l) => `test/fixtures/bad/${l}`));
    expect(result.code).toBe(exitCode);
    expect(result.stderr).toBe('');
  });

  it('reports a checklist id used by two files at the second one', async () => {
    const result = await runCli(['validate', 'test/fixtures/checklists/shop.yaml', bad('duplicate-checklist-id')]);
    expect(result.stdout).toBe(
      'test/fixtures/bad/duplicate-checklist-id.yaml:1:5: error: checklist id "shop" is already used by test/fixtures/checklists/shop.yaml; give each checklist its own id [duplicate-checklist-id]\n' +
        '✖ 1 error in 1 of 2 files\n',
    );
    expect(result.code).toBe(1);
  });

  it('refuses a file over the size cap without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-'));
    const huge = join(dir, 'huge.yaml');
    writeFileSync(huge, 'id: huge\n');
    truncateSync(huge, 50 * 1024 * 1024);
    const result = await runCli(['validate', huge]);
    expect(result.stdout).toContain(`${huge}: error: is 50.0 MB; a checklist may be at most 16.0 MB. Split it into smaller files [file-too-large]`);
    expect(result.code).toBe(1);
  });

  it('does not let a __proto__ key reach an object prototype', async () => {
    await runCli(['validate', bad('proto-key')]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('--strict makes warnings fail', async () => {
    const result = await runCli(['validate', '--strict', bad('warnings')]);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 5 warnings in 1 of 1 file (--strict makes warnings fail)');
  });
});
