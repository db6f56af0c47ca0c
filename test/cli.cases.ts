/**
 * The command line as a table: arguments → exit code, stdout, stderr. Every
 * subcommand's exit codes are here. `test/cli.test.ts` runs each case twice:
 * in-process and through the built binary, and neither may print a stack trace.
 *
 * `$TMP` in an argument is replaced by a fresh temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

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
/** The complete answers, each given on 2026-01-10: the test order (validFor: 6 months) is good through 2026-07-10. */
const DATED_ANSWERS = readFileSync(`${ANSWERS}/shop-complete.yaml`, 'utf8').replace(
  /^( {2}[\w-]+\/[\w-]+: \{ answer: .*) \}$/gm,
  '$1, at: 2026-01-10T09:00:00Z }',
);

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
    stdout: /Usage: cx-audit report \[options\] <answers-file> \[file\.\.\.\][\s\S]*--fail-under/,
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
  { name: 'schema: brand', args: ['schema', 'brand'], exitCode: 0, stdout: /"title": "Brand"[\s\S]*"accentColor"/ },
  {
    name: 'schema: unknown name',
    args: ['schema', 'nope'],
    exitCode: 2,
    stdout: '',
    stderr: /value 'nope' is invalid for argument 'name'\. Allowed choices are checklist, answers, report, brand, plan, config\./,
  },

  // plan
  {
    name: 'plan: the actions as a plan, to stdout',
    args: ['plan', `${ANSWERS}/shop-partial.yaml`, SHOP, OTHER],
    env: { SOURCE_DATE_EPOCH: '1767225600' },
    exitCode: 0,
    stdout:
      /^# An improvement plan from cx-audit[\s\S]*\nschemaVersion: 1\nclient: Acme <b>Fabrics<\/b> \| Ltd\nupdated: 2026-01-01\nactions:\n {2}- id: shop\/order-updates\n {4}title: Send a tracking link with every parcel\n {4}closes: \[shop\/order-updates\]\n {4}status: todo\n/,
    stderr: '',
  },
  {
    name: 'plan: -o writes the plan, and a second run updates it in place',
    args: ['plan', '$TMP/answers.yaml', SHOP, OTHER, '-o', '$TMP/plan.yaml'],
    setup: (tmp) => {
      writeFileSync(`${tmp}/answers.yaml`, readFileSync(`${ANSWERS}/shop-complete.yaml`, 'utf8'));
      writeFileSync(
        `${tmp}/plan.yaml`,
        'schemaVersion: 1\nactions:\n  # Ana\n  - id: shop/vat-number-field\n    title: Add the field\n    owner: Ana\n    status: doing\n',
      );
    },
    exitCode: 0,
    stdout: '',
    stderr: 'Plan updated: 3 new, 1 marked done (their questions are now met), 0 kept as they were.\n',
    after: (tmp) => {
      const text = readFileSync(`${tmp}/plan.yaml`, 'utf8');
      if (!/ {2}# Ana\n {2}- id: shop\/vat-number-field\n {4}title: Add the field\n {4}owner: Ana\n {4}status: done\n {4}done: \d{4}-\d{2}-\d{2}\n/.test(text))
        throw new Error(text);
    },
  },
  {
    name: 'plan: a plan file that is not one is refused, and left alone',
    args: ['plan', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '-o', '$TMP/plan.yaml'],
    setup: (tmp) => writeFileSync(`${tmp}/plan.yaml`, 'schemaVersion: 1\nactions:\n  - id: x\n    title: X\n    status: maybe\n'),
    exitCode: 2,
    stdout: '',
    stderr:
      'cx-audit: cannot use the plan to update $TMP/plan.yaml:\n$TMP/plan.yaml:5:13: error: "status" in action 1 of the plan must be todo, doing, done or accepted, not the text "maybe" [unknown-value]\nFix it (cx-audit schema plan shows the format); nothing was changed.\n',
    after: (tmp) => {
      if (!readFileSync(`${tmp}/plan.yaml`, 'utf8').includes('status: maybe')) throw new Error('the plan was changed');
    },
  },
  {
    name: 'plan: export as CSV for a tracker',
    args: ['plan', '$TMP/plan.yaml', SHOP, OTHER, '-f', 'csv'],
    setup: (tmp) =>
      writeFileSync(
        `${tmp}/plan.yaml`,
        'schemaVersion: 1\nactions:\n  - id: other/follow-up\n    title: Follow up, kindly\n    closes: [other/follow-up]\n    owner: Ana\n    due: 2026-02-01\n    status: todo\n',
      ),
    env: { SOURCE_DATE_EPOCH: '1767225600' },
    exitCode: 0,
    stdout:
      'Title,Description,Owner,Due,Status,Labels\r\n"Follow up, kindly",Send a short note a week after delivery. Closes: other/follow-up.,Ana,2026-02-01,To Do,cx-audit other\r\n',
  },
  {
    name: 'report: --plan shows the plan and the score once it is done',
    args: ['report', `${ANSWERS}/shop-partial.yaml`, SHOP, OTHER, '--plan', '$TMP/plan.yaml'],
    setup: (tmp) =>
      writeFileSync(
        `${tmp}/plan.yaml`,
        'schemaVersion: 1\nactions:\n  - id: shop/order-updates\n    title: Send a tracking link with every parcel\n    closes: [shop/order-updates]\n    owner: Jonas\n    due: 2025-12-15\n    status: doing\n  - id: other/follow-up\n    title: Follow up a week after delivery\n    closes: [other/follow-up]\n    status: accepted\n    reason: Customers find it pushy\n    acceptedBy: Jane\n    until: 2026-06-30\n',
      ),
    env: { SOURCE_DATE_EPOCH: '1767225600' },
    exitCode: 0,
    stdout:
      /## The plan\n\n2 actions in the plan: 1 in progress and 1 accepted; 1 overdue\.\n\nOnce its open actions are done, the score's low end reaches \d+\.\d[^\n]*\n\n\| Action \| Owner \| Due \| Status \|\n\| --- \| --- \| --- \| --- \|\n\| Send a tracking link with every parcel \| Jonas \| \*\*2025-12-15, overdue\*\* \| In progress \|\n\n\*\*Accepted gaps \(they still count as gaps in the score\):\*\*\n\n- Follow up a week after delivery: accepted by Jane until 2026-06-30\. Customers find it pushy\n/,
  },
  {
    name: 'report: --count-accepted needs --plan',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '--count-accepted'],
    exitCode: 2,
    stdout: '',
    stderr: `cx-audit: --count-accepted needs --plan <file>: the accepted gaps are in the plan\n${USAGE}`,
  },

  // history
  {
    name: 'history: the score over time, refusing audits of another client',
    args: ['history', `${ANSWERS}/shop-2025.yaml`, `${ANSWERS}/shop-partial.yaml`, '--checklist', SHOP, '--checklist', OTHER],
    exitCode: 2,
    stdout: '',
    stderr:
      /cx-audit: these audits are of different clients; a history follows one business:\n {2}"Acme Fabrics": test\/fixtures\/answers\/shop-2025\.yaml\n {2}"Acme <b>Fabrics<\/b> \| Ltd": test\/fixtures\/answers\/shop-partial\.yaml\n$/,
  },
  {
    name: 'history: answers without dates cannot be placed in time',
    args: ['history', `${ANSWERS}/shop-complete.yaml`, '--checklist', SHOP, '--checklist', OTHER],
    exitCode: 2,
    stdout: '',
    stderr: /^cx-audit: cannot place test\/fixtures\/answers\/shop-complete\.yaml in time: none of its answers says when it was given/,
  },

  // list
  {
    name: 'merge: two people agree, and the merged file is written',
    args: ['merge', 'test/fixtures/team/mara.yaml', 'test/fixtures/team/ana.yaml', SHOP, OTHER, '-o', '$TMP/agreed.yaml'],
    exitCode: 0,
    stdout: '',
    stderr:
      /^Agreed answers of 2 people written to \S+agreed\.yaml\. They disagree on \d+ questions; the file holds the more cautious answer for now\. Run `cx-audit .*--resolve` to decide them\.\n$/,
    after: (tmp) => {
      if (!readFileSync(`${tmp}/agreed.yaml`, 'utf8').includes('disputed: true')) throw new Error('no dispute marked');
    },
  },
  {
    name: 'merge: one person is a usage error',
    args: ['merge', 'test/fixtures/team/mara.yaml', SHOP],
    exitCode: 2,
    stdout: '',
    stderr: `cx-audit: merge takes the answers files of two or more people, not 1; for one person's answers, use the file as it is\n${USAGE}`,
  },
  {
    name: 'answers init: writes a skeleton to fill in',
    args: ['answers', 'init', '$TMP/a.yaml', SHOP, OTHER],
    exitCode: 0,
    stdout: '',
    stderr:
      /^Wrote \S+a\.yaml with 8 questions to answer\. Fill in each "answer:", then run: cx-audit report \S+a\.yaml test\/fixtures\/checklists\/shop\.yaml test\/fixtures\/checklists\/other\.yaml\n$/,
  },
  {
    name: 'answers init: never overwrites',
    args: ['answers', 'init', '$TMP/a.yaml', SHOP],
    setup: (tmp) => writeFileSync(`${tmp}/a.yaml`, 'mine\n'),
    exitCode: 2,
    stderr: /^cx-audit: \S+a\.yaml already exists; choose another name, or move it away first \(cx-audit answers init never overwrites\)\n$/,
    after: (tmp) => {
      if (readFileSync(`${tmp}/a.yaml`, 'utf8') !== 'mine\n') throw new Error('overwritten');
    },
  },
  {
    name: 'questionnaire export: CSV to a file',
    args: ['questionnaire', 'export', SHOP, OTHER, '-o', '$TMP/q.csv'],
    exitCode: 0,
    stdout: '',
    stderr: /^Questionnaire written to \S+q\.csv: 8 questions, 1 of them follow-up \(asked only after certain answers\)\./,
  },
  {
    name: 'questionnaire export: -f that contradicts -o is a usage error',
    args: ['questionnaire', 'export', SHOP, '-f', 'csv', '-o', '$TMP/q.xlsx'],
    exitCode: 2,
    stderr: /^cx-audit: -f csv does not match -o \S+q\.xlsx; drop -f, or name the file \.csv\n/,
    after: (tmp) => {
      if (existsSync(`${tmp}/q.xlsx`)) throw new Error('written');
    },
  },
  {
    name: 'questionnaire import: bad cells are named, and nothing is written',
    args: ['questionnaire', 'import', 'test/fixtures/bad/questionnaire/bad-cells.csv', SHOP, OTHER, '-o', '$TMP/a.yaml'],
    exitCode: 2,
    stdout: '',
    stderr:
      /^cx-audit: cannot import test\/fixtures\/bad\/questionnaire\/bad-cells\.csv:\n[\s\S]*bad-cells\.csv:8:1: error: row 8 has a note but no key in A8; [\s\S]*Fix these cells and import it again; nothing was written\.\n$/,
    after: (tmp) => {
      if (existsSync(`${tmp}/a.yaml`)) throw new Error('written');
    },
  },
  {
    name: 'config: the settings and where each comes from',
    args: ['config', '--client', 'Acme'],
    exitCode: 0,
    stdout: /^No config file: [^\n]*\n\nclient +Acme +--client\n/,
    stderr: '',
  },
  { name: 'schema: config', args: ['schema', 'config'], exitCode: 0, stdout: /"title": "[^"]*"[\s\S]*"failUnder"/, stderr: '' },
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
    name: 'list: what a business with this profile would be asked',
    args: ['list', '--profile', 'b2b', '--channels', 'phone,email', '--ships', 'no', '--staff', 'yes', '--outside-support', 'no', '--market', 'eu'],
    exitCode: 0,
    stdout:
      /^Customer types and checkout \(\d+\)\n {2}• [\s\S]*\n\d+ questions for this business, \d+ of them follow-ups? \(↳, asked only after certain answers\): about \d+( to \d+)? minutes\.\nThe business sells to businesses \(B2B\), uses phone and email, ships nothing, has staff who deal with customers and sells in the EU\.\n$/,
    stderr: '',
  },
  {
    name: 'list: a partial profile says which facts were counted as yes',
    args: ['list', 'delivery', '--profile', 'b2c'],
    exitCode: 0,
    stdout: /^Delivery, payment and returns \(\d+\)\n/,
    stderr: 'Not given, so counted as yes (their questions are included): --channels, --ships, --staff, --outside-support, --market.\n',
  },
  {
    name: 'list: --ships takes yes or no',
    args: ['list', '--ships', 'maybe'],
    exitCode: 2,
    stdout: '',
    stderr: `cx-audit: --ships takes yes or no, not "maybe"\n${USAGE}`,
  },
  {
    name: 'list: --market names the markets it knows',
    args: ['list', '--market', 'eu,mars'],
    exitCode: 2,
    stdout: '',
    stderr: /^cx-audit: --market does not know "mars"; use eu, uk, us or other, comma-separated/,
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
    name: 'report: an answer is good through the last day of its validFor',
    args: ['report', '$TMP/dated.yaml', SHOP, OTHER, '-f', 'json'],
    setup: (tmp) => writeFileSync(`${tmp}/dated.yaml`, DATED_ANSWERS),
    env: { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 6, 10, 23, 59, 59) / 1000) }, // 2026-07-10, the last good day
    exitCode: 0,
    stdout: (s) => {
      const r = JSON.parse(s);
      if (r.coverage.stale !== 0 || r.score.provisional) throw new Error(s.slice(0, 400));
    },
  },
  {
    name: 'report: the day after, it is stale: unknown, listed to verify, and the gate uses the low end',
    args: ['report', '$TMP/dated.yaml', SHOP, OTHER, '--fail-under', '89'],
    setup: (tmp) => writeFileSync(`${tmp}/dated.yaml`, DATED_ANSWERS),
    env: { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 6, 11) / 1000) },
    exitCode: 1,
    stdout:
      /## To verify\n\nThese answers are unsure or out of date[\s\S]*Have you placed a test order in the last three months and read every email it sent\? \(answered too long ago, impact medium\)/,
    stderr:
      /^cx-audit: score 80\.4 \(the low end of 80\.4–89\.1: 1 out of date counts as not done\) is under --fail-under 89\n1 question that applies is not answered for sure yet, so the score is a range\. Run `cx-audit \S+ \S+ --answers \S+dated\.yaml --refresh` to check it\.\n$/,
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

  {
    name: 'report: -o x.pdf writes a PDF',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '-o', '$TMP/acme.pdf'],
    exitCode: 0,
    stdout: '',
    stderr: 'Report written to $TMP/acme.pdf\n',
    after: (tmp) => {
      const pdf = readFileSync(`${tmp}/acme.pdf`).toString('latin1');
      if (!pdf.startsWith('%PDF-1.') || !pdf.trimEnd().endsWith('%%EOF')) throw new Error(pdf.slice(0, 100));
    },
  },
  {
    name: 'report: a PDF goes into a pipe',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '-f', 'pdf'],
    exitCode: 0,
    stdout: /^%PDF-1\.\d\n[\s\S]*%%EOF\n?$/,
    stderr: '',
  },
  {
    name: 'report: -f pdf with -o x.md is a usage error',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '-f', 'pdf', '-o', '$TMP/acme.md'],
    exitCode: 2,
    stdout: '',
    stderr: `cx-audit: -f pdf does not match -o $TMP/acme.md, whose name says Markdown; drop -f, or name the file .pdf\n${USAGE}`,
    after: (tmp) => {
      if (existsSync(`${tmp}/acme.md`)) throw new Error('a file was written');
    },
  },
  {
    name: 'report: HTML to stdout',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '-f', 'html'],
    exitCode: 0,
    stdout: /^<!doctype html>\n<html lang="en">\n[\s\S]*<h1>Customer experience audit: Acme Fabrics<\/h1>[\s\S]*<\/html>\n$/,
    stderr: '',
  },
  {
    name: 'report: -o x.html writes HTML',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '-o', '$TMP/acme.html', '--brand', 'test/fixtures/brand/mueller.yaml'],
    exitCode: 0,
    stderr: 'Report written to $TMP/acme.html\n',
    after: (tmp) => {
      const page = readFileSync(`${tmp}/acme.html`, 'utf8');
      if (!page.startsWith('<!doctype html>') || !page.includes('<p class="firm">Müller &amp; Søn Beratung</p>')) throw new Error(page.slice(0, 300));
    },
  },
  {
    name: 'report: --brand names the firm in the Markdown report',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '--brand', 'test/fixtures/brand/mueller.yaml'],
    exitCode: 0,
    stdout:
      /^# Customer experience audit: Acme Fabrics\n\nPrepared by .*\n\nMüller &amp; Søn Beratung · hello@mueller-son\.example · \+48 42 123 45 67 \(Łódź\)\n\n## Summary/,
    stderr: '',
  },
  {
    name: 'report: a bad brand file stops the run with exit 2',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '--brand', 'test/fixtures/brand/bad/bad-colour.yaml', '-o', '$TMP/acme.pdf'],
    exitCode: 2,
    stdout: '',
    stderr:
      'cx-audit: cannot use the brand file test/fixtures/brand/bad/bad-colour.yaml:\n' +
      'test/fixtures/brand/bad/bad-colour.yaml:2:14: error: "accentColor" in the brand file is not valid ("teal"): write a colour as # and six hex digits, like #1f5f8b [bad-format]\n',
    after: (tmp) => {
      if (existsSync(`${tmp}/acme.pdf`)) throw new Error('a file was written');
    },
  },
  {
    name: 'report: a logo over 2 MB is refused',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '--brand', '$TMP/brand.yaml'],
    setup: (tmp) => {
      writeFileSync(`${tmp}/brand.yaml`, 'logo: big.png\n');
      writeFileSync(`${tmp}/big.png`, Buffer.concat([readFileSync('test/fixtures/brand/logo.png'), Buffer.alloc(3 * 1024 * 1024)]));
    },
    exitCode: 2,
    stdout: '',
    stderr:
      'cx-audit: cannot use the brand file $TMP/brand.yaml:\n$TMP/brand.yaml:1:7: error: the logo big.png is 3.0 MB; a logo may be at most 2.0 MB. Export it smaller [logo-too-large]\n',
  },
  {
    name: 'report: the report may not overwrite the logo',
    args: ['report', `${ANSWERS}/shop-complete.yaml`, SHOP, OTHER, '--brand', '$TMP/brand.yaml', '-f', 'pdf', '-o', '$TMP/logo.png'],
    setup: (tmp) => {
      writeFileSync(`${tmp}/brand.yaml`, 'logo: logo.png\n');
      copyFileSync('test/fixtures/brand/logo.png', `${tmp}/logo.png`);
    },
    exitCode: 2,
    stdout: '',
    stderr:
      /^cx-audit: -o .*\/logo\.png is the logo of the brand file \(.*\/logo\.png\) that this command reads; writing there would destroy it\. Choose another file name\n/,
    after: (tmp) => {
      if (!readFileSync(`${tmp}/logo.png`).equals(readFileSync('test/fixtures/brand/logo.png'))) throw new Error('the logo was overwritten');
    },
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
