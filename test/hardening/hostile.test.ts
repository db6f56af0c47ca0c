import { screen } from '@inquirer/testing/vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAsk } from '../../src/interview/ask.js';
import type * as MenuModule from '../../src/interview/menu.js';
import { makeStyle } from '../../src/text/style.js';
import { checklist } from '../helpers/build.js';
import { Capture, runCli } from '../helpers/run-cli.js';

// The interview's own menu runs on the test screen too.
vi.mock('../../src/interview/menu.js', async (importOriginal) => ({
  ...(await importOriginal<typeof MenuModule>()),
  menu: (await import('@inquirer/testing/vitest')).wrapPrompt((await importOriginal<typeof MenuModule>()).menu),
}));

/** Text that tries to take over a terminal: colours, cursor moves, a title change, a hyperlink, a bell, C1 controls. */
const ESCAPES = '\u001b[31mred\u001b[2J\u001b]0;pwned\u0007\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007\u0007\u009b31m\u202e';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;
/**
 * What of ESCAPES a terminal would act on, for screens that also carry the
 * prompt library's own cursor and colour codes: every part of the payload
 * must be absent, not stripped before looking.
 */
const PAYLOAD = /\u001b\[31mred|\u001b\[2J|\u001b\]|\u0007|\u009b|\u202e|pwned|evil\.example/;

const dir = mkdtempSync(join(tmpdir(), 'cx-audit-hostile-'));
const yamlString = JSON.stringify(ESCAPES); // a double-quoted YAML string with the escapes
const checklistPath = join(dir, 'hostile.yaml');
writeFileSync(
  checklistPath,
  [
    'id: hostile',
    `title: ${yamlString}`,
    'version: 1.0.0',
    'stage: during-sale',
    'questions:',
    '  - id: q',
    `    text: ${yamlString}`,
    '    type: choice',
    '    impact: high',
    '    effort: low',
    `    why: ${yamlString}`,
    `    fix: ${yamlString}`,
    '    choices:',
    `      - { id: a, label: ${yamlString}, score: 0 }`,
    '      - { id: b, label: fine, score: 1 }',
    '',
  ].join('\n'),
);
const answersPath = join(dir, 'answers.yaml');
writeFileSync(answersPath, `schemaVersion: 1\nclient: ${yamlString}\nanswers:\n  hostile/q: { answer: a, note: ${yamlString} }\n`);
const badPath = join(dir, 'bad.yaml');
writeFileSync(
  badPath,
  `id: bad\ntitle: t\nversion: 1.0.0\nstage: during-sale\nquestions:\n  - id: q\n    text: ${yamlString}\n    type: ${yamlString}\n    ${JSON.stringify(`k${ESCAPES}`)}: 1\n`,
);

describe('hostile text never reaches the terminal raw', () => {
  it.each([
    ['validate text', ['validate', badPath]],
    ['validate github', ['validate', '-f', 'github', badPath]],
    ['audit with an invalid checklist', [badPath, '--no-input']],
    ['validate JSON', ['validate', '-f', 'json', badPath]],
    ['report, Markdown', ['report', answersPath, checklistPath]],
  ])('%s', async (_name, args) => {
    const result = await runCli(args);
    expect(result.stdout).not.toMatch(CONTROL);
    expect(result.stderr).not.toMatch(CONTROL);
    expect(result.stdout + result.stderr).not.toBe('');
  });

  it('JSON keeps the text exactly, encoded', async () => {
    const result = await runCli(['report', answersPath, checklistPath, '-f', 'json']);
    expect(result.stdout).not.toMatch(CONTROL);
    expect(JSON.parse(result.stdout).client).toBe(ESCAPES);
  });

  it('the interview shows checklist text without its escapes', async () => {
    const output = new Capture(true);
    const ask = createAsk({ input: process.stdin, output: output as unknown as NodeJS.WritableStream, style: makeStyle(false) });
    const c = checklist(
      'hostile',
      [
        {
          id: 'q',
          text: ESCAPES,
          why: ESCAPES,
          type: 'choice',
          choices: [
            { id: 'a', label: ESCAPES, score: 0 },
            { id: 'b', label: 'ok', score: 1 },
          ],
        },
      ],
      { title: ESCAPES },
    );
    const answer = ask.question(c.questions[0]!, {
      checklist: { index: 1, count: 1, title: ESCAPES },
      position: { index: 1, count: 1 },
      progress: { answered: 0, total: 1 },
      note: ESCAPES,
      canGoBack: false,
    });
    for (let i = 0; i < 6; i++) screen.keypress('down'); // highlight "why", which shows the why text
    expect(screen.getScreen({ raw: true })).toContain('Why does this matter?');
    expect(screen.getScreen({ raw: true })).not.toMatch(PAYLOAD);
    expect(output.text).not.toMatch(CONTROL);
    screen.keypress('enter');
    await answer;
  });
});
