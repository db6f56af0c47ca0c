import { contentHash } from '../files/canonical.js';
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

function resolve(source: Checklist, file: string): LoadedChecklist {
  const questions: Question[] = source.questions.map((q, index) => ({
    key: `${source.id}/${q.id}`,
    checklistId: source.id,
    id: q.id,
    index,
    text: q.text,
    type: q.type,
    // missing-stage guarantees one of the two.
    stage: (q.stage ?? source.stage) as Stage,
    appliesTo: (q.appliesTo ?? source.appliesTo) as CustomerType[] | undefined,
    channels: (q.channels ?? source.channels) as Channel[] | undefined,
    when: q.when,
    impact: q.impact,
    effort: q.effort,
    why: q.why,
    fix: q.fix,
    learnMore: q.learnMore ?? [],
    choices: q.choices ?? [],
  }));
  return {
    id: source.id,
    title: source.title,
    version: source.version,
    description: source.description,
    hash: contentHash(source),
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
  return diagnostics.some(isError) ? { diagnostics } : { diagnostics, checklist: resolve(checklist, file.path) };
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
