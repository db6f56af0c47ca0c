/**
 * The command line as a table: arguments → exit code, stdout, stderr. Every
 * subcommand's exit codes are here. `test/cli.test.ts` runs each case twice:
 * in-process and through the built binary, and neither may print a stack trace.
 *
 * `$TMP` in an argument is replaced by a fresh temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export type Expect = string | RegExp | ((text: string) => void);

export interface CliCase {
  name: string;
  args: string[];
  exitCode: number;
  stdout?: Expect;
  stderr?: Expect;
  env?: Record<string, string>;
  /** Prepares $TMP before the run (a named pipe, a file to find). */
  setup?: (tmp: string) => void;
  /** Interrupts the run this many milliseconds after it starts (SIGINT through the binary). */
  interruptAfterMs?: number;
  /** Checks what the run left behind in $TMP. */
  after?: (tmp: string) => void;
}

const SHOP = 'test/fixtures/checklists/shop.yaml';
const OTHER = 'test/fixtures/checklists/other.yaml';
const ANSWERS = 'test/fixtures/answers';
const USAGE = 'Run `cx-audit --help` for usage.\n';

export const CASES: CliCase[] = [
  // Global
  { name: 'prints the version', args: ['--version'], exitCode: 0, stdout: /^\d+\.\d+\.\d+\n$/, stderr: '' },
  {
    name: 'prints help with examples and exit codes',
    args: ['--help'],
    exitCode: 0,
    stdout: /Usage: cx-audit[\s\S]*Examples:[\s\S]*Exit codes:/,
    stderr: '',
  },
  {
    name: 'prints help for a subcommand',
    args: ['report', '--help'],
    exitCode: 0,
    stdout: /Usage: cx-audit report \[options\] <answers-file> \[checklist\.\.\.\][\s\S]*--fail-under/,
    stderr: '',
  },
  {
    name: 'rejects an unknown option',
    args: ['--frobnicate'],
    exitCode: 2,
    stdout: '',
    stderr: `cx-audit: unknown option '--frobnicate'\n${USAGE}`,
  },
  {
    name: 'suggests a close option',
    args: ['validate', '--stirct', SHOP],
    exitCode: 2,
    stdout: '',
    stderr: /unknown option '--stirct'\n\(Did you mean --strict\?\)/,
  },

  // validate
  { name: 'validate: a valid checklist', args: ['validate', SHOP], exitCode: 0, stdout: '✔ 1 checklist valid (7 questions)\n', stderr: '' },
  { name: 'validate: several files', args: ['validate', SHOP, OTHER], exitCode: 0, stdout: '✔ 2 checklists valid (8 questions)\n', stderr: '' },
  {
    name: 'validate: a folder stands for its YAML files',
    args: ['validate', 'test/fixtures/checklists'],
    exitCode: 0,
    stdout: '✔ 2 checklists valid (8 questions)\n',
  },
  { name: 'validate: quiet prints nothing when all is well', args: ['validate', '-q', SHOP], exitCode: 0, stdout: '', stderr: '' },
  {
    name: 'validate: an invalid checklist exits 1',
    args: ['validate', 'test/fixtures/bad/unknown-key.yaml'],
    exitCode: 1,
    stdout:
      'test/fixtures/bad/unknown-key.yaml:9:5: error: question "q" has an unknown key "aplliesTo"; did you mean "appliesTo"? [unknown-key]\n✖ 1 error in 1 of 1 file\n',
    stderr: '',
  },
  {
    name: 'validate: a missing file exits 2',
    args: ['validate', 'nope.yaml'],
    exitCode: 2,
    stdout: 'nope.yaml: error: no such file; check the path [unreadable]\n✖ 1 error in 1 of 1 file\n',
  },
  { name: 'validate: no file is a usage error', args: ['validate'], exitCode: 2, stdout: '', stderr: `cx-audit: missing required argument 'file'\n${USAGE}` },
  {
    name: 'validate: an unknown format is a usage error',
    args: ['validate', '-f', 'xml', SHOP],
    exitCode: 2,
    stderr: /argument 'xml' is invalid\. Allowed choices are text, json, github\./,
  },
  {
    name: 'validate: JSON output',
    args: ['validate', '--format', 'json', SHOP],
    exitCode: 0,
    stdout: (s) => {
      const data = JSON.parse(s);
      if (!(data.valid === true && data.files[0].checklist.id === 'shop' && data.files[0].checklist.questions === 7)) throw new Error(s);
    },
  },
  {
    name: 'validate: GitHub annotations',
    args: ['validate', '--format', 'github', 'test/fixtures/bad/duplicate-key.yaml'],
    exitCode: 1,
    stdout:
      '::error file=test/fixtures/bad/duplicate-key.yaml,line=10,col=5,title=cx-audit duplicate-key::key "impact" appears twice in the same mapping; remove or rename one of them\n',
  },
  {
    name: 'validate: warnings pass',
    args: ['validate', 'test/fixtures/bad/warnings.yaml'],
    exitCode: 0,
    stdout: /✔ 1 checklist valid \(3 questions\), 5 warnings\n$/,
  },
  {
    name: 'validate: --strict makes warnings fail',
    args: ['validate', '--strict', 'test/fixtures/bad/warnings.yaml'],
    exitCode: 1,
    stdout: /✖ 5 warnings in 1 of 1 file \(--strict makes warnings fail\)\n$/,
  },
  { name: 'validate: colour only when asked', args: ['validate', 'nope.yaml'], env: { FORCE_COLOR: '1' }, exitCode: 2, stdout: /\u001b\[31merror/ },
  {
    name: 'validate: NO_COLOR wins over a terminal',
    args: ['validate', 'nope.yaml'],
    env: { NO_COLOR: '1', FORCE_COLOR: '1' },
    exitCode: 2,
    stdout: /^[^\u001b]*$/,
  },

  // schema
  { name: 'schema: checklist', args: ['schema', 'checklist'], exitCode: 0, stdout: /"title": "Checklist"/, stderr: '' },
  { name: 'schema: answers', args: ['schema', 'answers'], exitCode: 0, stdout: /"title": "AnswersFile"/ },
  { name: 'schema: report', args: ['schema', 'report'], exitCode: 0, stdout: /"title": "Report"/ },
  {
    name: 'schema: unknown name',
    args: ['schema', 'nope'],
    exitCode: 2,
    stdout: '',
    stderr: /value 'nope' is invalid for argument 'name'\. Allowed choices are checklist, answers, report\./,
  },

  // list
  {
    name: 'list: the built-in checklists',
    args: ['list'],
    exitCode: 0,
    stdout: /^ID +VERSION +QUESTIONS +TITLE\ncustomer-types +2\.0\.0 +\d+ +Customer types and checkout\n[\s\S]*journey-organization/,
    stderr: /questions in all\. Customer types: b2c, b2b, c2c, b2g\./,
  },
  {
    name: 'list: JSON',
    args: ['list', '-f', 'json'],
    exitCode: 0,
    stdout: (s) => {
      const list = JSON.parse(s);
      if (list.length !== 7 || !list.every((c: { hash: string; questions: number }) => /^sha256-[0-9a-f]{16}$/.test(c.hash) && c.questions > 0))
        throw new Error(s);
    },
  },
  {
    name: 'list: the questions of one checklist',
    args: ['list', 'chatbots'],
    exitCode: 0,
    stdout: /^Chatbots \(chatbots 2\.0\.0\)\n\nQUESTION +TYPE +IMPACT +EFFORT +TEXT\nbot-says-it-is-a-bot +yes-no +medium +low +Does your chatbot/,
  },
  {
    name: 'list: an unknown checklist',
    args: ['list', 'chatbot'],
    exitCode: 2,
    stdout: '',
    stderr: `cx-audit: there is no built-in checklist "chatbot"; \`cx-audit list\` shows them all. Did you mean "chatbots"?\n${USAGE}`,
  },
  { name: 'list: an unknown format', args: ['list', '-f', 'xml'], exitCode: 2, stderr: /Allowed choices are text, json\./ },

  // init
  {
    name: 'init: writes a starter checklist',
    args: ['init', '$TMP/mine.yaml'],
    exitCode: 0,
    stdout: '',
    stderr: /^Wrote .*mine\.yaml\. Edit it, then check it with: cx-audit validate .*mine\.yaml\n$/,
  },
  {
    name: 'init: never overwrites',
    args: ['init', SHOP],
    exitCode: 2,
    stdout: '',
    stderr: `cx-audit: ${SHOP} already exists; choose another name, or move it away first (cx-audit init never overwrites)\n`,
  },
  {
    name: 'init: a missing folder is a clear error',
    args: ['init', '$TMP/no/such/dir/x.yaml'],
    exitCode: 2,
    stderr: /cannot write .*x\.yaml: the folder .*dir does not exist; create it or choose another path\n$/,
  },
  { name: 'init: needs a file name', args: ['init'], exitCode: 2, stderr: `cx-audit: missing required argument 'file'\n${USAGE}` },

  // report
  {
    name: 'report: Markdown to stdout',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER],
    exitCode: 0,
    stdout: /^# Customer experience audit: Acme Fabrics\n[\s\S]*\*\*Score 89\.1 of 100\.\*\*/,
    stderr: '',
  },
  {
    name: 'report: JSON',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '-f', 'json'],
    exitCode: 0,
    stdout: (s) => {
      const r = JSON.parse(s);
      if (r.schemaVersion !== 2 || r.score.value !== 89.1 || r.score.low !== 89.1 || r.coverage.unanswered !== 0) throw new Error(s.slice(0, 200));
    },
  },
  {
    name: 'report: --fail-under below the score passes',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '--fail-under', '80'],
    exitCode: 0,
    stderr: 'Score 89.1 meets --fail-under 80\n',
  },
  {
    name: 'report: --fail-under above the score fails',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '--fail-under', '90'],
    exitCode: 1,
    stderr: 'cx-audit: score 89.1 is under --fail-under 90\n',
  },
  {
    name: 'report: --fail-under gates on the low end while answers are open',
    args: ['report', `${ANSWERS}/shop-partial.yaml`, SHOP, OTHER, '--fail-under', '40'],
    exitCode: 1,
    stderr: (s) => {
      if (!s.startsWith('cx-audit: score 30.4 (the low end of 30.4–47.8: 1 unsure, 1 unanswered count as not done) is under --fail-under 40\n'))
        throw new Error(s);
    },
  },
  {
    name: 'report: --fail-under never passes on no scored answer',
    args: ['report', '$TMP/story-only.yaml', SHOP, OTHER, '--fail-under', '0'],
    setup: (tmp) => writeFileSync(`${tmp}/story-only.yaml`, 'schemaVersion: 1\nanswers:\n  shop/shop-story: { answer: Hand-dyed fabric }\n'),
    exitCode: 1,
    stdout: /\*\*No score yet: none of the 8 questions that apply has a scored answer\.\*\*/,
    stderr: (s) => {
      if (!s.startsWith('cx-audit: no score yet: no scored question has an answer, so --fail-under 0 cannot pass\n')) throw new Error(s);
    },
  },
  {
    name: 'report: --fail-under must be a score',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, '--fail-under', 'lots'],
    exitCode: 2,
    stdout: '',
    stderr: `cx-audit: --fail-under takes a score from 0 to 100, not "lots"\n${USAGE}`,
  },
  {
    name: 'report: --top must be a positive whole number',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, '--top', '0'],
    exitCode: 2,
    stderr: /--top takes a whole number of fixes, 1 or more, not "0"/,
  },
  { name: 'report: needs an answers file', args: ['report'], exitCode: 2, stderr: `cx-audit: missing required argument 'answers-file'\n${USAGE}` },
  {
    name: 'report: a missing answers file',
    args: ['report', 'nope.yaml', SHOP],
    exitCode: 2,
    stdout: '',
    stderr: 'cx-audit: cannot read the answers file nope.yaml:\nnope.yaml: error: no such file; check the path [unreadable]\n',
  },
  {
    name: 'report: answers that cannot answer their questions',
    args: ['report', `${ANSWERS}/wrong-values.yaml`, SHOP, OTHER],
    exitCode: 2,
    stdout: '',
    stderr:
      `cx-audit: cannot use the answers file ${ANSWERS}/wrong-values.yaml:\n` +
      `${ANSWERS}/wrong-values.yaml:3:32: error: "maybe" cannot answer yes-no question shop/sells-online; write yes, no, n/a or unsure [invalid-answer]\n` +
      `${ANSWERS}/wrong-values.yaml:4:36: error: 7 cannot answer scale question shop/delivery-options; write a whole number from 1 to 5, n/a or unsure [invalid-answer]\n` +
      `${ANSWERS}/wrong-values.yaml:5:33: error: "teleport" cannot answer choice question shop/order-updates; write one of they-ask, confirmation, tracking, n/a or unsure [invalid-answer]\n`,
  },
  {
    name: 'report: an invalid checklist stops the run with exit 2',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, 'test/fixtures/bad/unknown-key.yaml'],
    exitCode: 2,
    stdout: '',
    stderr:
      'cx-audit: cannot use this checklist; fix it first (cx-audit validate shows every problem):\n' +
      'test/fixtures/bad/unknown-key.yaml:9:5: error: question "q" has an unknown key "aplliesTo"; did you mean "appliesTo"? [unknown-key]\n' +
      '✖ 1 error in 1 of 1 file\n',
  },
  {
    name: 'report: an unwritable output path fails first',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '-o', '$TMP/missing/report.md'],
    exitCode: 2,
    stdout: '',
    stderr: /cannot write .*report\.md: the folder .*missing does not exist/,
  },
  {
    name: 'report: writes to a file',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '-o', '$TMP/report.md'],
    exitCode: 0,
    stdout: '',
    stderr: 'Report written to $TMP/report.md\n',
    after: (tmp) => {
      const report = readFileSync(`${tmp}/report.md`, 'utf8');
      if (!/^# Customer experience audit: Acme Fabrics\n[\s\S]*\*\*Score 89\.1 of 100\.\*\*/.test(report)) throw new Error(report.slice(0, 300));
    },
  },
  {
    name: 'report: --compare shows what got fixed',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '--compare', `${ANSWERS}/shop-2025.yaml`],
    exitCode: 0,
    stdout:
      /## Progress since 2025-03-01\n\nThe score went from 43\.5 to 89\.1 \(\+45\.6\)\.[\s\S]*### Fixed\n\n- Business buyers get a proper invoice straight from checkout\n/,
    stderr:
      /shop-2025\.yaml:13:3: warning: question shop\/retired-question is not in shop 1\.2\.0 \(removed or renamed\?\); this answer is ignored \[unknown-question\]/,
  },
  {
    name: 'report: SOURCE_DATE_EPOCH must be a number',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER],
    env: { SOURCE_DATE_EPOCH: 'yesterday' },
    exitCode: 2,
    stderr: /SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, up to 253402300799 \(the end of 9999\), not "yesterday"/,
  },

  // audit (no terminal here: never prompts)
  {
    name: 'audit: without CI, stdin that is not a terminal still never prompts',
    args: [SHOP, OTHER, '--answers', '$TMP/none.yaml'],
    env: { CI: '' },
    exitCode: 2,
    stdout: '',
    stderr:
      /^cx-audit: no answers to report: stdin is not a terminal, so cx-audit cannot ask, and .*none\.yaml does not exist\. Pass --answers <file> with every question answered, or run cx-audit in a terminal\n$/,
  },
  {
    name: 'audit: --no-input never prompts',
    args: [SHOP, OTHER, '--answers', '$TMP/none.yaml', '--no-input'],
    env: { CI: '' },
    exitCode: 2,
    stderr: /^cx-audit: no answers to report: --no-input was given, so cx-audit cannot ask/,
  },
  {
    name: 'validate: Ctrl-C while waiting on a named pipe exits 130',
    args: ['validate', '$TMP/checklist.yaml'],
    setup: (tmp) => execFileSync('mkfifo', [`${tmp}/checklist.yaml`]),
    interruptAfterMs: 300,
    exitCode: 130,
    stdout: '',
    stderr: 'cx-audit: interrupted while reading $TMP/checklist.yaml\n',
  },
  {
    name: 'audit: no terminal and no answers file',
    args: [SHOP, OTHER, '--answers', '$TMP/none.yaml'],
    exitCode: 2,
    stdout: '',
    stderr:
      /^cx-audit: no answers to report: CI is set, so cx-audit cannot ask, and .*none\.yaml does not exist\. Pass --answers <file> with every question answered, or run cx-audit in a terminal\n$/,
  },
  {
    name: 'audit: complete answers go straight to the report',
    args: ['audit', SHOP, OTHER, '--answers', `${ANSWERS}/shop-complete.yaml`, '--no-input'],
    exitCode: 0,
    stdout: /^# Customer experience audit: Acme Fabrics/,
    stderr: '',
  },
  {
    name: 'audit: the default command',
    args: [SHOP, OTHER, '--answers', `${ANSWERS}/shop-complete.yaml`, '-f', 'json', '--fail-under', '95'],
    exitCode: 1,
    stdout: /"schemaVersion": 2/,
    stderr: 'cx-audit: score 89.1 is under --fail-under 95\n',
  },
  {
    name: 'audit: missing answers are named, with the flag to pass',
    args: [SHOP, OTHER, '--answers', `${ANSWERS}/shop-2025.yaml`],
    exitCode: 2,
    stdout: '',
    stderr: (s) => {
      const expected =
        `cx-audit: 4 questions in ${ANSWERS}/shop-2025.yaml still need an answer, and CI is set:\n` +
        '  shop/emails-read: Have you placed a test order in the last three months and read every email it sent?\n' +
        '  shop/contact-channels: Which ways can customers reach a person?\n' +
        '  shop/shop-story: What makes your shop different, in one sentence?\n' +
        '  other/follow-up: Do you follow up after every order?\n' +
        `Answer them by running \`cx-audit ${SHOP} ${OTHER} --answers ${ANSWERS}/shop-2025.yaml\` in a terminal, or add them to the file (n/a and unsure are accepted).\n`;
      if (!s.endsWith(expected)) throw new Error(s);
    },
  },
  {
    name: 'audit: --profile names unknown types',
    args: [SHOP, '--profile', 'b2c,b2x'],
    exitCode: 2,
    stderr: `cx-audit: --profile does not know "b2x"; use b2c, b2b, c2c or b2g, comma-separated. Did you mean "b2c"?\n${USAGE}`,
  },
  {
    name: 'audit: --channels names unknown channels',
    args: [SHOP, '--channels', 'fax'],
    exitCode: 2,
    stderr: /--channels does not know "fax"; use web-shop, physical-store/,
  },
  {
    name: 'audit: --profile narrows the questions of a saved answers file',
    args: [SHOP, OTHER, '--answers', `${ANSWERS}/shop-complete.yaml`, '--profile', 'b2c', '-f', 'json'],
    exitCode: 0,
    stdout: (s) => {
      const keys = JSON.parse(s).answers.map((a: { key: string }) => a.key);
      if (keys.includes('shop/vat-number-field')) throw new Error('b2b question kept');
    },
  },
  {
    name: 'audit: an unwritable report path fails before anything else',
    args: [SHOP, OTHER, '--answers', `${ANSWERS}/shop-complete.yaml`, '-o', '$TMP/missing/report.md'],
    exitCode: 2,
    stdout: '',
    stderr: /^cx-audit: cannot write .*report\.md: the folder .*missing does not exist; create it or choose another path\n$/,
  },
  {
    name: 'audit: an invalid checklist exits 2',
    args: ['test/fixtures/bad/when-cycle.yaml', '--no-input'],
    exitCode: 2,
    stderr: /^cx-audit: cannot use this checklist; fix it first/,
  },
];
