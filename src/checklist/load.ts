import { schemaDiagnostics } from '../files/schema-diagnostics.js';
import { readYamlFile, type YamlFile } from '../files/yaml-file.js';
import { validateChecklist } from '../generated/validators.js';
import { checklistVocabulary } from './checklist-vocabulary.js';
import { isError, type Diagnostic } from './diagnostic.js';
import type { Checklist, LoadedChecklist, Question } from './model.js';
import { RULES, type RuleContext } from './rules/index.js';
import type { Channel, CustomerType, Stage } from './vocabulary.js';

/** What loading one file gave. */
export interface ChecklistFileResult {
  file: string;
  /** Present when the file is a valid checklist (warnings allowed). */
  checklist?: LoadedChecklist;
  /** The file could not be read at all (missing, a directory, no permission). */
  unreadable: boolean;
  diagnostics: Diagnostic[];
}

export interface LoadResult {
  files: ChecklistFileResult[];
  /** The valid checklists, in the order given. */
  checklists: LoadedChecklist[];
}

/**
 * Applies the checklist's defaults to its questions. The parsed objects are
 * completed in place rather than copied: a 20,000-question checklist is
 * large enough for the copy to show in memory.
 */
function resolve(source: Checklist, file: string, hash: string): LoadedChecklist {
  const questions = source.questions.map((q, index) => {
    const question = q as unknown as Question;
    question.key = `${source.id}/${q.id}`;
    question.checklistId = source.id;
    question.index = index;
    // missing-stage guarantees one of the two.
    question.stage ??= source.stage as Stage;
    question.appliesTo ??= source.appliesTo as CustomerType[] | undefined;
    question.channels ??= source.channels as Channel[] | undefined;
    question.learnMore ??= [];
    question.choices ??= [];
    return question;
  });
  return {
    id: source.id,
    title: source.title,
    version: source.version,
    description: source.description,
    hash,
    file,
    questions,
  };
}

/** Schema pass, then the semantic rules; one file, no cross-file checks. */
export function checkChecklistFile(file: YamlFile): { diagnostics: Diagnostic[]; checklist?: LoadedChecklist } {
  const schema = schemaDiagnostics(validateChecklist, file, checklistVocabulary);
  if (schema.length) return { diagnostics: schema };
  const checklist = file.data as Checklist;
  const ctx: RuleContext = {
    file,
    checklist,
    at: (path, message, options) => ({ file: file.path, ...file.placeOf(path, options), message }),
  };
  const diagnostics = RULES.flatMap((rule) => rule.check(ctx).map((d) => ({ ...d, rule: rule.name, severity: rule.severity })));
  return diagnostics.some(isError) ? { diagnostics } : { diagnostics, checklist: resolve(checklist, file.path, file.hash) };
}

/** Loads checklist files: every problem becomes a diagnostic, nothing throws for bad content. */
export function loadChecklists(paths: readonly string[]): LoadResult {
  const parsed = new Map<ChecklistFileResult, YamlFile>();
  const files: ChecklistFileResult[] = paths.map((path) => {
    const read = readYamlFile(path, 'checklist');
    if (!read.ok) return { file: path, unreadable: read.reason === 'unreadable', diagnostics: read.diagnostics };
    const checked = checkChecklistFile(read.file);
    const result = { file: path, unreadable: false, checklist: checked.checklist, diagnostics: [...read.diagnostics, ...checked.diagnostics] };
    parsed.set(result, read.file);
    return result;
  });

  // Cross-file rule: checklist ids are unique among everything loaded together.
  const firstById = new Map<string, ChecklistFileResult>();
  for (const result of files) {
    const checklist = result.checklist;
    if (!checklist) continue;
    const first = firstById.get(checklist.id);
    if (!first) {
      firstById.set(checklist.id, result);
      continue;
    }
    const place = parsed.get(result)?.placeOf(['id']) ?? {};
    result.diagnostics.push({
      file: result.file,
      ...place,
      severity: 'error',
      rule: 'duplicate-checklist-id',
      message: `checklist id "${checklist.id}" is already used by ${first.file}; give each checklist its own id`,
    });
    delete result.checklist;
  }
  return { files, checklists: files.flatMap((f) => (f.checklist ? [f.checklist] : [])) };
}
