import { existsSync } from 'node:fs';
import { Argument, Command, CommanderError, Option } from 'commander';
import { VALIDATE_FORMATS } from '../checklist/format-diagnostics.js';
import { SCHEMA_NAMES } from '../paths.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { VERSION } from '../generated/version.js';
import { REPORT_FORMAT_NAMES } from '../report/formats.js';
import type { AuditOptions } from './commands/audit.js';
import type { ListOptions } from './commands/list.js';
import type { AnswersInitOptions } from './commands/answers-init.js';
import type { MergeOptions } from './commands/merge.js';
import type { PlanOptions } from './commands/plan.js';
import type { QuestionnaireExportOptions, QuestionnaireImportOptions } from './commands/questionnaire.js';
import { PLAN_FORMATS } from '../plan/formats.js';
import { HISTORY_FORMATS, type HistoryOptions } from '../history/formats.js';
import type { ValidateOptions } from './commands/validate.js';
import type { ReportOptions } from './report-output.js';
import { makeStyle } from '../text/style.js';
import { closest, orList } from '../text/suggest.js';
import type { LoadedConfig } from '../config/config.js';
import { makeContext, type CommandContext } from './context.js';
import { profileOptions } from './profile-flags.js';
import { colorEnabled, type Io } from './io.js';

export type { Io } from './io.js';

const ISSUES_URL = 'https://github.com/cx-audit/cx-audit/issues';

/** The longest --client or --auditor the answers file takes (its schema says the same; a test checks). */
export const NAME_MAX = 200;

function parseName(flag: string) {
  return (value: string): string => {
    if (value.length > NAME_MAX) throw new UsageError(`${flag} takes at most ${NAME_MAX} characters, not ${value.length}; shorten it`);
    if (value.trim() === '') throw new UsageError(`${flag} needs a name`);
    return value;
  };
}

function parseScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new UsageError(`--fail-under takes a score from 0 to 100, not "${value}"`);
  }
  return n;
}

function parseTop(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--top takes a whole number of fixes, 1 or more, not "${value}"`);
  return n;
}

/**
 * `cx-audit reprot answers.yaml` must not run an interview with "reprot" as
 * a checklist: a first argument that is no file and looks like a word, not a
 * file name, is taken as a mistyped command.
 */
async function rejectMistypedCommand(first: string | undefined, commands: readonly string[]): Promise<void> {
  if (first === undefined || existsSync(first) || /[/\\.]/.test(first)) return;
  // A checklist pack installed here is a checklist source, not a typo.
  const { isInstalledPackage } = await import('../checklist/sources.js');
  if (isInstalledPackage(first)) return;
  const guess = closest(first, commands);
  throw new UsageError(
    guess
      ? `unknown command '${first}'; did you mean ${guess}?`
      : `unknown command '${first}'; the commands are ${orList(commands)}, and a checklist must be an existing .yaml file, a folder or an installed checklist pack`,
  );
}

const EXAMPLES = `
Examples:
  $ cx-audit                                   interview with the built-in checklists
  $ cx-audit --client "Acme" --answers acme.yaml
  $ cx-audit report acme.yaml -o acme.md       re-score saved answers as Markdown
  $ cx-audit report acme.yaml -f json --fail-under 70
  $ cx-audit report acme.yaml --compare acme-2025.yaml
  $ cx-audit validate checklists/*.yaml --format github
  $ cx-audit init my-checklist.yaml

Exit codes: 0 done, 1 finding (invalid checklist, score under --fail-under),
2 could not run, 130 interrupted (answers so far are saved).`;

/**
 * The whole command line: parses argv, runs one command, returns its exit
 * code. Only bin/ touches `process`; everything arrives through `io`.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command();
  let config: LoadedConfig | undefined;
  const context = (): CommandContext => makeContext(io, program.opts<{ color: boolean; quiet?: boolean }>(), config);

  program
    .name('cx-audit')
    .description('A customer-experience self-audit: answer checklists, get a prioritized list of fixes.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--no-color', 'no colour in the output (also NO_COLOR=1)')
    .option('-q, --quiet', 'print only results and errors')
    .option('--config <file>', 'a project config (default: cx-audit.config.yaml in this folder or the nearest one above)')
    .showSuggestionAfterError()
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`cx-audit: ${s.replace(/^error: /, '')}`),
    });

  const auditOptions = (command: Command) =>
    command
      .addOption(new Option('-f, --format <format>', 'report format (default: from the -o file name, else md)').choices(REPORT_FORMAT_NAMES))
      .option('-o, --output <file>', 'write the report to a file, - for stdout (default: stdout; cx-audit-report.<format> after an interview)')
      .option('--client <name>', 'whose business is audited, shown on the report', parseName('--client'))
      .option('--auditor <name>', 'who ran the audit, shown on the report', parseName('--auditor'))
      .option('--brand <file>', "a brand file (YAML): your firm's name, logo, colour, contact and footer on the report")
      .option('--fail-under <score>', 'exit 1 when the score could be below this (0-100): its low end, with open questions counted as not done', parseScore)
      .option('--top <n>', 'how many fixes the summary and projection use', parseTop, 5)
      .option('--plan <file>', 'a plan file (cx-audit plan): the report shows its progress, what is overdue and accepted, and the score once it is done')
      .option('--count-accepted', 'with --plan: gaps accepted in the plan (until their day) count as not applicable for --fail-under');

  auditOptions(
    profileOptions(program.command('audit', { isDefault: true }))
      .description('interview, then report (the default command)')
      .argument('[checklist...]', 'checklist files (default: the built-in checklists)')
      .option('--answers <file>', 'answers file: read to resume, written after every answer', 'cx-audit-answers.yaml')
      .option('--refresh', 'ask again only the answers that are unsure or out of date (older than their question allows)')
      .option(
        '--respondent <name>',
        'who answers, as "Name" or "Name, role" (a team audit: one answers file per person); with --resolve, who decides',
        parseName('--respondent'),
      )
      .option('--resolve', 'ask only the disputed questions of a merged team file (cx-audit merge), showing what each person answered')
      .option('--no-input', 'never prompt; fail if answers are missing'),
  ).action(async (checklists: string[], options: AuditOptions) => {
    await rejectMistypedCommand(
      checklists[0],
      program.commands.map((c) => c.name()),
    );
    const { auditCommand } = await import('./commands/audit.js');
    exitCode = await auditCommand(checklists, options, context());
  });

  auditOptions(
    program
      .command('report')
      .description('score saved answers and render a report; never prompts')
      .argument('<answers-file>', 'answers file from an interview')
      .argument(
        '[file...]',
        'more answers files, one per person of a team (their agreed answers are scored), and checklist files (default: the built-in checklists)',
      )
      .option('--compare <file>', 'an older answers file or report.json to show progress against'),
  ).action(async (answersFile: string, checklists: string[], options: ReportOptions) => {
    const { reportCommand } = await import('./commands/report.js');
    exitCode = await reportCommand(answersFile, checklists, options, context());
  });

  program
    .command('plan')
    .description('the actions of an audit as a plan with owners, due dates and statuses; updates a plan from newer answers, or exports one')
    .argument('<answers-or-plan>', 'an answers file (to write or update a plan), or a plan file (to export it)')
    .argument('[checklist...]', 'checklist files (default: the built-in checklists)')
    .addOption(
      new Option(
        '-f, --format <format>',
        'yaml: the plan; csv: for Jira, Trello or a spreadsheet; md: a task list per owner (default: from the -o file name, else yaml)',
      ).choices(PLAN_FORMATS),
    )
    .option('-o, --output <file>', 'write to a file; a plan already there is updated in place, keeping every edit (default: stdout)')
    .action(async (input: string, checklists: string[], options: PlanOptions) => {
      const { planCommand } = await import('./commands/plan.js');
      exitCode = await planCommand(input, checklists, options, context());
    });

  program
    .command('history')
    .description('the score of one client over time, overall and per checklist, with what was fixed and what got worse between audits')
    .argument('<audit...>', 'answers files or JSON reports of the same client, in any order')
    .addOption(
      new Option('-f, --format <format>', 'md: a table; json; html or pdf: with a chart (default: from the -o file name, else md)').choices(HISTORY_FORMATS),
    )
    .option('-o, --output <file>', 'write to a file (default: stdout)')
    .option(
      '--checklist <file>',
      'a checklist to score answers with, instead of the built-in ones (repeat it for several)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action(async (files: string[], options: HistoryOptions) => {
      const { historyCommand } = await import('./commands/history.js');
      exitCode = await historyCommand(files, options, context());
    });

  program
    .command('merge')
    .description("one answers file from a team's: the agreed answers, everyone's answer kept beside each, the disputed questions marked for --resolve")
    .argument('<file...>', 'the answers files, one per person, and checklist files (default: the built-in checklists)')
    .option('-o, --output <file>', 'write the merged answers here (default: stdout)')
    .action(async (files: string[], options: MergeOptions) => {
      const { mergeCommand } = await import('./commands/merge.js');
      exitCode = await mergeCommand(files, options, context());
    });

  profileOptions(
    program
      .command('answers')
      .description('answers files without the interview')
      .command('init')
      .description('write an answers file to fill in by hand: every question the profile can be asked, with what each takes (never overwrites)')
      .argument('<file>', 'where to write it')
      .argument('[checklist...]', 'checklist files (default: the built-in checklists)')
      .option('--client <name>', 'whose business is audited', parseName('--client'))
      .option('--auditor <name>', 'who runs the audit', parseName('--auditor')),
  ).action(async (file: string, checklists: string[], options: AnswersInitOptions) => {
    const { answersInitCommand } = await import('./commands/answers-init.js');
    exitCode = await answersInitCommand(file, checklists, options, context());
  });

  const questionnaire = program
    .command('questionnaire')
    .description('a spreadsheet of the questions for people who never open a terminal, and its answers read back');
  profileOptions(
    questionnaire
      .command('export')
      .description('write the questions as a workbook (a drop-down of allowed answers per row) or CSV')
      .argument('[checklist...]', 'checklist files, folders or packages (default: the built-in checklists)')
      .addOption(new Option('-f, --format <format>', 'xlsx or csv (default: from the -o file name, else xlsx)').choices(['xlsx', 'csv']))
      .option('-o, --output <file>', 'where to write it (default: stdout)')
      .option('--client <name>', 'whose business is audited: names the sheet, and the answers at import', parseName('--client')),
  ).action(async (checklists: string[], options: QuestionnaireExportOptions) => {
    const { questionnaireExportCommand } = await import('./commands/questionnaire.js');
    exitCode = await questionnaireExportCommand(checklists, options, context());
  });
  profileOptions(
    questionnaire
      .command('import')
      .description('read a filled-in questionnaire (xlsx or CSV) into an answers file; names every bad cell by row and column; never overwrites')
      .argument('<file>', 'the filled-in questionnaire')
      .argument('[checklist...]', 'the checklists it was exported from (default: the built-in checklists)')
      .option('-o, --output <file>', 'the answers file to write (default: stdout)')
      .option('--client <name>', 'whose business is audited', parseName('--client'))
      .option('--auditor <name>', 'who runs the audit', parseName('--auditor')),
  ).action(async (file: string, checklists: string[], options: QuestionnaireImportOptions) => {
    const { questionnaireImportCommand } = await import('./commands/questionnaire.js');
    exitCode = await questionnaireImportCommand(file, checklists, options, context());
  });

  profileOptions(program.command('config'))
    .description('the settings commands use here, and where each comes from: a flag, the config file, or the default')
    .option('--client <name>', 'whose business is audited', parseName('--client'))
    .option('--auditor <name>', 'who runs the audit', parseName('--auditor'))
    .option('--answers <file>', 'the answers file', 'cx-audit-answers.yaml')
    .option('--brand <file>', 'a brand file for reports')
    .option('--fail-under <score>', 'the gate', parseScore)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { format: 'text' | 'json' }, command: Command) => {
      const { configCommand } = await import('./commands/config.js');
      exitCode = configCommand(command, options, context());
    });

  program
    .command('validate')
    .description('check checklist files; never prompts')
    .argument('[file...]', 'checklist files, folders of them, or npm packages of checklists (default: the checklists of the project config)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(VALIDATE_FORMATS).default('text'))
    .option('--strict', 'warnings fail too')
    .option('--print-resolved', 'print each checklist as cx-audit uses it (after extends, skip, override and defaults), with where each question comes from')
    .action(async (files: string[], options: ValidateOptions) => {
      const { validateCommand } = await import('./commands/validate.js');
      exitCode = await validateCommand(files, options, context());
    });

  profileOptions(program.command('list'))
    .description('the built-in checklists, their versions and questions; with profile flags, what that business would be asked')
    .argument('[checklist]', 'show the questions of this checklist')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (id: string | undefined, options: ListOptions) => {
      const { listCommand } = await import('./commands/list.js');
      exitCode = await listCommand(id, options, context());
    });

  program
    .command('init')
    .description('write a commented starter checklist (never overwrites)')
    .argument('<file>', 'where to write it')
    .action(async (file: string) => {
      const { initCommand } = await import('./commands/init.js');
      exitCode = initCommand(file, context());
    });

  program
    .command('schema')
    .description('print the JSON Schema of a file format')
    .addArgument(new Argument('<name>', SCHEMA_NAMES.join(', ')).choices(SCHEMA_NAMES))
    .action(async (name: string) => {
      const { schemaCommand } = await import('./commands/schema.js');
      exitCode = schemaCommand(name, context());
    });

  for (const command of program.commands) {
    command.exitOverride().configureOutput(program.configureOutput()).showSuggestionAfterError();
  }
  // The project config fills in what the command line leaves out.
  program.hook('preAction', async (_program, action) => {
    const { configForRun } = await import('./config-apply.js');
    config = await configForRun(action, program.opts<{ config?: string }>().config, io);
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io, !argv.includes('--no-color'));
  }
}

function handleError(error: unknown, io: Io, colorFlag: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    io.stderr.write('Run `cx-audit --help` for usage.\n');
    return EXIT.cannotRun;
  }
  const style = makeStyle(colorEnabled(io.stderr, io.env, colorFlag ? undefined : false));
  if (error instanceof CliError) {
    io.stderr.write(`${style.red('cx-audit:')} ${error.message}\n`);
    for (const line of error.details) io.stderr.write(`${line}\n`);
    if (error instanceof UsageError) io.stderr.write('Run `cx-audit --help` for usage.\n');
    if (io.env.CX_AUDIT_DEBUG === '1' && error.cause instanceof Error) io.stderr.write(`${error.cause.stack}\n`);
    return error.exitCode;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  io.stderr.write(`${style.red('cx-audit: unexpected error:')} ${err.message}\n`);
  if (io.env.CX_AUDIT_DEBUG === '1') io.stderr.write(`${err.stack}\n`);
  else io.stderr.write(`This is a bug in cx-audit. Please report it at ${ISSUES_URL} with the command you ran; CX_AUDIT_DEBUG=1 shows the details.\n`);
  return EXIT.cannotRun;
}
