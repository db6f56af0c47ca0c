import { existsSync } from 'node:fs';
import { checkAnswers, type AnswersLoad } from '../../answers/load.js';
import type { Answers, Profile } from '../../answers/model.js';
import { serializeAnswers } from '../../answers/serialize.js';
import type { LoadedChecklist } from '../../checklist/model.js';
import { EXIT, InputError } from '../../errors.js';
import { isError, sortDiagnostics, type Diagnostic } from '../../files/diagnostic.js';
import { planOutput, writeOutput } from '../../files/output.js';
import { parseYaml, type YamlFile } from '../../files/yaml-file.js';
import { questionnaireCsv } from '../../questionnaire/csv.js';
import { answersFromGrid, EMPTY_QUESTIONNAIRE, unaskedAnswers, type GridAnswers } from '../../questionnaire/import.js';
import { readQuestionnaire } from '../../questionnaire/read.js';
import { questionnaireRows } from '../../questionnaire/rows.js';
import type { CommandContext } from '../context.js';
import { formatFromName, refuseBytesOnTerminal } from '../format-choice.js';
import { checklistsForRun, diagnosticLine, protectedInputs, readContext } from '../inputs.js';
import { profileFromFlags, type ProfileFlags } from '../profile-flags.js';
import { reportDate } from '../report-output.js';

type QuestionnaireFormat = 'xlsx' | 'csv';

export interface QuestionnaireExportOptions extends ProfileFlags {
  /** -f; when absent, the extension of -o decides, else xlsx. */
  format?: QuestionnaireFormat;
  output?: string;
  /** Names the workbook's sheet, and goes into the answers file at import. */
  client?: string;
}

export interface QuestionnaireImportOptions extends ProfileFlags {
  output?: string;
  client?: string;
  auditor?: string;
}

/** -f, or what the -o file's name says, or a workbook; a contradiction is a usage error. */
const chooseFormat = (options: QuestionnaireExportOptions): QuestionnaireFormat => formatFromName(options, { xlsx: 'xlsx', csv: 'csv' }, 'xlsx');

/** The day of the run (SOURCE_DATE_EPOCH fixes it) as a time: what the workbook and the imported answers are dated. */
function runDay(ctx: CommandContext): { day: string; date: Date } {
  const day = reportDate(ctx.io.env);
  return { day, date: new Date(`${day}T00:00:00Z`) };
}

/**
 * `cx-audit questionnaire export [checklist...] -o client.xlsx`: one row per
 * question the profile can be asked, for people who will never open a
 * terminal, with a drop-down of the allowed answers (a workbook) or the
 * answers spelled out (CSV).
 */
export async function questionnaireExportCommand(checklistFiles: string[], options: QuestionnaireExportOptions, ctx: CommandContext): Promise<number> {
  const format = chooseFormat(options);
  const target = planOutput(options.output, protectedInputs({ checklists: checklistFiles }, ctx.config));
  if (format === 'xlsx') refuseBytesOnTerminal(format, target, ctx.io.stdout, 'questionnaire.xlsx');
  const profile = profileFromFlags(options);
  const checklists = await checklistsForRun(checklistFiles, ctx);
  const rows = questionnaireRows(checklists, profile);
  if (!rows.length) throw new InputError('no question of these checklists applies to this profile, so there is nothing to ask; nothing was written');

  let content: string | Uint8Array;
  if (format === 'csv') content = questionnaireCsv(rows);
  else {
    const { questionnaireWorkbook } = await import('../../questionnaire/workbook.js');
    content = await questionnaireWorkbook(rows, { client: options.client, profile }, runDay(ctx).date);
  }
  await writeOutput(target, [content], ctx.io.stdout, ctx.io.signal);
  if (target.kind !== 'stdout') {
    const followUps = rows.filter((r) => r.followUp).length;
    const flags = format === 'csv' && Object.keys(profile).length ? ' with the same profile flags' : '';
    ctx.notice(
      `Questionnaire written to ${target.path}: ${rows.length} question${rows.length === 1 ? '' : 's'}, ${followUps} of them follow-up${followUps === 1 ? '' : 's'} (asked only after certain answers). Once it is filled in, run \`cx-audit questionnaire import ${target.path} -o answers.yaml\`${flags}.`,
    );
  }
  return EXIT.ok;
}

/**
 * The import failed: every problem, in sheet order, and the promise that
 * nothing was written. Only problems found in the sheet's cells ask for
 * cells to be fixed; a file that is no questionnaire at all has none.
 */
function cannotImport(file: string, diagnostics: readonly Diagnostic[], inCells = false): InputError {
  const closing = inCells ? 'Fix these cells and import it again; nothing was written.' : 'Nothing was written.';
  return new InputError(`cannot import ${file}:`, { details: [...sortDiagnostics([...diagnostics]).map(diagnosticLine), closing] });
}

/**
 * The answers file as it will be written, read back and checked as any
 * answers file is (checkAnswers), with every place it reports mapped to the
 * cell the answer came from.
 */
function checkWritten(text: string, file: string, imported: GridAnswers, checklists: readonly LoadedChecklist[]): AnswersLoad {
  const parsed = parseYaml({ path: file, text, diagnostics: [] }, 'answers file');
  if (!parsed.ok) throw new Error(`cx-audit made answers it cannot read back: ${parsed.diagnostics[0]?.message ?? ''}`);
  const placeOf: YamlFile['placeOf'] = (path) => {
    const place = path[0] === 'answers' && typeof path[1] === 'string' ? imported.places.get(path[1]) : undefined;
    if (!place) return {};
    const { columns } = place;
    return { line: place.row, column: path.length === 2 ? columns.key : path[2] === 'note' ? (columns.note ?? columns.answer) : columns.answer };
  };
  return checkAnswers({ ...parsed.file, placeOf }, [], checklists);
}

/** The profile facts the flags give win over those the workbook kept; none at all is no profile. */
function profileOf(kept: Profile | undefined, flags: Profile): Profile | undefined {
  const profile = { ...kept, ...flags };
  return Object.keys(profile).length ? profile : undefined;
}

/**
 * `cx-audit questionnaire import <file> [checklist...] -o answers.yaml`: a
 * filled-in questionnaire back into an answers file. Every cell that cannot
 * be read is named at its row and column, all in one run, and nothing is
 * written then; an existing file is never replaced.
 */
export async function questionnaireImportCommand(
  file: string,
  checklistFiles: string[],
  options: QuestionnaireImportOptions,
  ctx: CommandContext,
): Promise<number> {
  const target = planOutput(options.output, [...protectedInputs({ checklists: checklistFiles }, ctx.config), { path: file, role: 'the questionnaire' }]);
  if (target.kind === 'file' && existsSync(target.target)) {
    throw new InputError(`${target.path} already exists; choose another name, or move it away first (questionnaire import never overwrites an answers file)`);
  }
  const flags = profileFromFlags(options);
  const checklists = await checklistsForRun(checklistFiles, ctx);
  const read = await readQuestionnaire(file, readContext(ctx));
  if (!read.ok) throw cannotImport(file, read.diagnostics);
  const { csvGrid, workbookGrid } = await import('../../questionnaire/workbook.js');
  const sheet = read.file.format === 'xlsx' ? await workbookGrid(read.file.bytes, file) : await csvGrid(read.file.text, file);
  if (!sheet.ok) throw cannotImport(file, [...read.diagnostics, ...sheet.diagnostics]);

  const imported = answersFromGrid(sheet.grid, checklists, file);
  const profile = profileOf(sheet.settings.profile, flags);
  const { day } = runDay(ctx);
  const answers: Answers = {
    client: options.client ?? sheet.settings.client,
    auditor: options.auditor,
    profile,
    checklists: new Map(checklists.map((c) => [c.id, { version: c.version, hash: c.hash }])),
    // Dated the day they came back: a question whose answers expire (validFor) counts from then.
    answers: new Map([...imported.answers].map(([key, record]) => [key, { ...record, at: day }])),
  };
  const text = serializeAnswers(answers, checklists);
  const checked = checkWritten(text, file, imported, checklists);
  const diagnostics = [...read.diagnostics, ...sheet.diagnostics, ...imported.diagnostics, ...checked.diagnostics];
  if (diagnostics.some(isError)) throw cannotImport(file, diagnostics, !diagnostics.some((d) => isError(d) && d.rule === EMPTY_QUESTIONNAIRE));
  for (const d of sortDiagnostics([...diagnostics, ...unaskedAnswers(imported, checklists, profile, file)])) ctx.notice(diagnosticLine(d));

  await writeOutput(target, [text], ctx.io.stdout, ctx.io.signal);
  const empty = imported.places.size - imported.answers.size;
  const where = target.kind === 'stdout' ? '' : ` into ${target.path}`;
  ctx.notice(
    `Imported ${imported.answers.size} answer${imported.answers.size === 1 ? '' : 's'} from ${file}${where}${empty ? `; ${empty} question${empty === 1 ? ' was' : 's were'} left empty, and the report names ${empty === 1 ? 'it' : 'them'} as unanswered` : ''}.`,
  );
  const total = checklists.reduce((n, c) => n + c.questions.length, 0);
  if (!profile && imported.places.size < total) {
    ctx.notice(
      `It holds ${imported.places.size} of the ${total} questions of these checklists and says nothing of the business: if the export had profile flags (--profile, --channels…), give the same to import, or the report counts the questions it left out as unanswered.`,
    );
  }
  return EXIT.ok;
}
