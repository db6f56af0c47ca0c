import { existsSync } from 'node:fs';
import { Argument, Command, CommanderError, Option } from 'commander';
import { VALIDATE_FORMATS } from '../checklist/format-diagnostics.js';
import { CHANNELS } from '../checklist/vocabulary.js';
import { SCHEMA_NAMES } from '../paths.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { VERSION } from '../generated/version.js';
import { REPORT_FORMAT_NAMES } from '../report/formats.js';
import type { AuditOptions } from './commands/audit.js';
import type { ListOptions } from './commands/list.js';
import type { ValidateOptions } from './commands/validate.js';
import type { ReportOptions } from './report-output.js';
import { makeStyle } from '../text/style.js';
import { closest, orList } from '../text/suggest.js';
import { makeContext, type CommandContext } from './context.js';
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
function rejectMistypedCommand(first: string | undefined, commands: readonly string[]): void {
  if (first === undefined || existsSync(first) || /[/\\.]/.test(first)) return;
  const guess = closest(first, commands);
  throw new UsageError(
    guess
      ? `unknown command '${first}'; did you mean ${guess}?`
      : `unknown command '${first}'; the commands are ${orList(commands)}, and a checklist must be an existing .yaml file`,
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
  const context = (): CommandContext => makeContext(io, program.opts<{ color: boolean; quiet?: boolean }>());

  program
    .name('cx-audit')
    .description('A customer-experience self-audit: answer checklists, get a prioritized list of fixes.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--no-color', 'no colour in the output (also NO_COLOR=1)')
    .option('-q, --quiet', 'print only results and errors')
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
      .option('--fail-under <score>', 'exit 1 when the score could be below this (0-100): its low end, with open questions counted as not done', parseScore)
      .option('--top <n>', 'how many fixes the summary and projection use', parseTop, 5);

  auditOptions(
    program
      .command('audit', { isDefault: true })
      .description('interview, then report (the default command)')
      .argument('[checklist...]', 'checklist files (default: the built-in checklists)')
      .option('--answers <file>', 'answers file: read to resume, written after every answer', 'cx-audit-answers.yaml')
      .option('--profile <types>', 'who you sell to, comma-separated: b2c,b2b,c2c,b2g')
      .option('--channels <channels>', `channels you run, comma-separated: ${CHANNELS.join(',')}`)
      .option('--no-input', 'never prompt; fail if answers are missing'),
  ).action(async (checklists: string[], options: AuditOptions) => {
    rejectMistypedCommand(
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
      .argument('[checklist...]', 'checklist files (default: the built-in checklists)')
      .option('--compare <file>', 'an older answers file or report.json to show progress against'),
  ).action(async (answersFile: string, checklists: string[], options: ReportOptions) => {
    const { reportCommand } = await import('./commands/report.js');
    exitCode = await reportCommand(answersFile, checklists, options, context());
  });

  program
    .command('validate')
    .description('check checklist files; never prompts')
    .argument('<file...>', 'checklist files or folders of them')
    .addOption(new Option('-f, --format <format>', 'output format').choices(VALIDATE_FORMATS).default('text'))
    .option('--strict', 'warnings fail too')
    .action(async (files: string[], options: ValidateOptions) => {
      const { validateCommand } = await import('./commands/validate.js');
      exitCode = await validateCommand(files, options, context());
    });

  program
    .command('list')
    .description('the built-in checklists, their versions and questions')
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
