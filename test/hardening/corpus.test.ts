import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const DIR = 'test/fixtures/bad/answers';
const CHECKLISTS = ['test/fixtures/checklists/shop.yaml', 'test/fixtures/checklists/other.yaml'];

/** Broken answers files: each gets exit 2, the exact message with its place, and nothing else. */
export const ANSWERS_CASES: Record<string, string> = {
  'answer-is-a-mapping':
    '3:32: error: "answer" in the answer to shop/sells-online must be text, a whole number, a list or empty, not a mapping: write yes, no, a number 1-5, a choice id, a list of choice ids, n/a or unsure [wrong-type]',
  'bare-value':
    '3:22: error: "shop/sells-online" in "answers" must be a mapping of keys to values, not the text "no": each answer is a mapping; write it as shop/sells-online: { answer: no } [wrong-type]',
  'answers-is-a-list':
    '3:3: error: "answers" in the answers file must be a mapping of keys to values, not a list: write one entry per question, like customer-types/vat-number-field: { answer: yes } [wrong-type]',
  'bad-key':
    '3:3: error: key "Sells Online" in "answers" in the answers file is malformed: keys are checklist-id/question-id, like customer-types/vat-number-field [bad-format]',
  binary: '1:1: error: contains binary data (a NUL byte); an answers file must be UTF-8 text [binary-file]',
  'boolean-answer':
    '3:32: error: "answer" in the answer to shop/sells-online must be text, a whole number, a list or empty, not the value true: write yes, no, a number 1-5, a choice id, a list of choice ids, n/a or unsure [wrong-type]',
  'crlf-wrong-value': '3:32: error: "maybe" cannot answer yes-no question shop/sells-online; write yes, no, n/a or unsure [invalid-answer]',
  'custom-tag':
    '2:10: error: Unresolved tag: !!python/object:os.system: custom YAML tags are not supported; remove the tag (the word starting with !) [yaml-tag]',
  empty: ': error: is empty; an answers file needs content [empty-file]',
  'missing-answers': '1:1: error: the answers file is missing "answers": add an "answers:" mapping, even an empty one ({}) [missing-key]',
  'multi-not-a-list':
    '3:36: error: "phone" cannot answer multi question shop/contact-channels; write a list of choice ids ([phone, email, chat], or [] for none), n/a or unsure [invalid-answer]',
  'multi-unknown-choice':
    '3:36: error: "pigeon" is not a choice of multi question shop/contact-channels; its choices are phone, email or chat [invalid-answer]',
  'profile-unknown-type': '3:24: error: item 2 of "customerTypes" in the profile must be b2c, b2b, c2c or b2g, not the text "consumers" [unknown-value]',
  'proto-key':
    '3:3: error: key "__proto__" in "answers" in the answers file is malformed: keys are checklist-id/question-id, like customer-types/vat-number-field [bad-format]',
  'scale-as-text': '3:36: error: "4" cannot answer scale question shop/delivery-options; write a whole number from 1 to 5, n/a or unsure [invalid-answer]',
  'schema-version-2': '1:16: error: "schemaVersion" must be 1, not the number 2: this cx-audit reads answers files of schemaVersion 1 [unknown-value]',
  'syntax-error':
    '4:1: error: Flow map in block collection must be sufficiently indented and end with a }: a closing bracket is missing on this line or one above it [yaml-syntax]',
  'text-too-long': '3:30: error: "answer" in the answer to shop/shop-story is longer than 2000 characters; shorten it [too-long]',
  'text-as-number': '3:30: error: text question shop/shop-story takes text; put the answer in quotes (or write n/a or unsure) [invalid-answer]',
  'unknown-key':
    '5:5: error: the answer to shop/sells-online has an unknown key "comment"; allowed keys are "answer", "note", "at", "evidence", "disputed", "decidedBy", "votes" or "asked" [unknown-key]',
};

/** Answers that still work, with a warning: an older checklist version, a question since removed. */
const WARNING_CASES: Record<string, string[]> = {
  'other-version': [
    '3:20: warning: these answers were given for shop 1.0.0; the checklist is now 1.2.0. Answers to questions that still exist are kept; check them and the new questions [checklist-version]',
    '11:3: warning: question shop/gift-wrapping is not in shop 1.2.0 (removed or renamed?); this answer is ignored [unknown-question]',
  ],
};

describe('answers files that work with a warning', () => {
  it.each(Object.entries(WARNING_CASES))('%s', async (name, warnings) => {
    const result = await runCli(['report', `${DIR}/${name}.yaml`, ...CHECKLISTS, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toEqual(warnings.map((w) => `${DIR}/${name}.yaml:${w}`));
    expect(JSON.parse(result.stdout).warnings).toHaveLength(warnings.length);
  });
});

describe('broken answers files', () => {
  it.each(Object.entries(ANSWERS_CASES))('%s', async (name, message) => {
    for (const command of [
      ['report', `${DIR}/${name}.yaml`, ...CHECKLISTS],
      [...CHECKLISTS, '--answers', `${DIR}/${name}.yaml`],
    ]) {
      const result = await runCli(command);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(new RegExp(`^cx-audit: cannot use the answers file ${DIR}/${name}\\.yaml:$`));
      expect(lines[1]).toBe(`${DIR}/${name}.yaml${message.startsWith(':') ? message : `:${message}`}`);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('covers every file in the folder', () => {
    const files = readdirSync(DIR).map((f) => f.replace(/\.yaml$/, ''));
    expect(files.sort()).toEqual([...Object.keys(ANSWERS_CASES), ...Object.keys(WARNING_CASES)].sort());
  });
});

const BRAND_DIR = 'test/fixtures/brand/bad';

/** Broken brand files (--brand): each gets exit 2, the exact message with its place, and nothing else. */
const BRAND_CASES: Record<string, string> = {
  'bad-colour': '2:14: error: "accentColor" in the brand file is not valid ("teal"): write a colour as # and six hex digits, like #1f5f8b [bad-format]',
  empty: ': error: is empty; a brand file needs content [empty-file]',
  'logo-jpeg': '2:7: error: the logo photo.jpg is a JPEG; cx-audit embeds PNG and SVG logos. Export it as one of those [logo-format]',
  'logo-not-image':
    '2:7: error: the logo not-a-logo.png is neither a PNG nor an SVG image; cx-audit embeds PNG and SVG logos. Export it as one of those [logo-format]',
  'missing-logo':
    '2:7: error: the logo acme-logo.png does not exist (looked for test/fixtures/brand/bad/acme-logo.png); its path is relative to the brand file [logo-missing]',
  'name-too-long': '1:7: error: "name" in the brand file is longer than 200 characters; shorten it [too-long]',
  'no-keys': '1:1: error: the brand file is empty: give at least one of name, logo, accentColor, contact or footer [too-few]',
  'syntax-error':
    '3:1: error: Flow sequence in block collection must be sufficiently indented and end with a ]: a closing bracket is missing on this line or one above it [yaml-syntax]',
  'unknown-key': '2:1: error: the brand file has an unknown key "accentColour"; did you mean "accentColor"? [unknown-key]',
};

describe('broken brand files', () => {
  it.each(Object.entries(BRAND_CASES))('%s', async (name, message) => {
    const file = `${BRAND_DIR}/${name}.yaml`;
    for (const command of [
      ['report', 'test/fixtures/answers/shop-complete.yaml', ...CHECKLISTS, '--brand', file, '-f', 'html'],
      [...CHECKLISTS, '--answers', 'test/fixtures/answers/shop-complete.yaml', '--brand', file, '-o', '-'],
    ]) {
      const result = await runCli(command);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`cx-audit: cannot use the brand file ${file}:\n${file}${message.startsWith(':') ? message : `:${message}`}\n`);
    }
  });

  it('covers every brand file in the folder', () => {
    const files = readdirSync(BRAND_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
    expect(files.sort()).toEqual(Object.keys(BRAND_CASES).sort());
  });
});

const CONFIG_DIR = 'test/fixtures/bad/config';

/** Broken project configs (--config): each gets exit 2, the exact message with its place in the config, and nothing else. */
const CONFIG_CASES: Record<string, string> = {
  'bad-yaml':
    '4:1: error: Flow sequence in block collection must be sufficiently indented and end with a ]: a closing bracket is missing on this line or one above it [yaml-syntax]',
  'missing-checklist': `4:5: error: "lists/shop.yaml" in checklists does not exist (looked for ${ROOT}${CONFIG_DIR}/lists/shop.yaml); check the path: paths in the config are relative to its folder [unreadable]`,
  'unknown-key': '3:1: error: the config has an unknown key "fail-under"; did you mean "failUnder"? [unknown-key]',
  'wrong-type': '3:12: error: "failUnder" in the config must be a number, not the text "70": a score from 0 to 100 [wrong-type]',
};

describe('broken project configs', () => {
  it.each(Object.entries(CONFIG_CASES))('%s', async (name, message) => {
    const file = `${CONFIG_DIR}/${name}.yaml`;
    // A checklist the config names is reported like any checklist that cannot be used; the config itself, as a config.
    const expected =
      name === 'missing-checklist'
        ? `cx-audit: cannot use this checklist; fix it first (cx-audit validate shows every problem):\n${file}:${message}\n✖ 1 error in 1 of 1 file\n`
        : `cx-audit: cannot use the config file ${file}:\n${file}:${message}\n`;
    for (const command of [
      ['--config', file, 'report', 'test/fixtures/answers/shop-complete.yaml'],
      ['--config', file, 'list'],
    ]) {
      const result = await runCli(command);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(expected);
    }
  });

  it('covers every config file in the folder', () => {
    const files = readdirSync(CONFIG_DIR).map((f) => f.replace(/\.yaml$/, ''));
    expect(files.sort()).toEqual(Object.keys(CONFIG_CASES).sort());
  });
});

describe('the bad-input corpus', () => {
  it('holds at least 40 broken files, each under test', async () => {
    const { readFileSync } = await import('node:fs');
    const checklistFiles = readdirSync('test/fixtures/bad').filter((f) => f.endsWith('.yaml'));
    const tested = readFileSync('test/checklist/diagnostics.test.ts', 'utf8');
    for (const f of checklistFiles) expect(tested, f).toContain(`'${f.replace(/\.yaml$/, '')}'`);
    expect(checklistFiles.length + Object.keys(ANSWERS_CASES).length + Object.keys(WARNING_CASES).length).toBeGreaterThanOrEqual(40);
  });
});
