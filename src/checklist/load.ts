import { compose } from './extends.js';
import { schemaDiagnostics } from '../files/schema-diagnostics.js';
import type { ReadContext } from '../files/read-input.js';
import { readYamlFile, type YamlFile } from '../files/yaml-file.js';
import { validateChecklist } from '../generated/validators.js';
import { checklistVocabulary } from './checklist-vocabulary.js';
import { isError, type Diagnostic } from '../files/diagnostic.js';
import {
  isScored,
  TITLE_LENGTH,
  type Action,
  type ActionSource,
  type Capability,
  type Checklist,
  type LoadedChecklist,
  type Question,
  type QuestionSource,
} from './model.js';
import { RULES, type RuleContext } from './rules/index.js';
import type { Channel, CustomerType, Stage } from './vocabulary.js';
import { InterruptedError } from '../errors.js';

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
 * A title for a question that has none (checklists written before titles):
 * the first sentence of its fix, cut at a word within TITLE_LENGTH.
 */
function fallbackTitle(question: Pick<QuestionSource, 'fix' | 'text'>): string {
  const source = (question.fix ?? question.text).replace(/\s+/g, ' ').trim();
  const sentence = (/^.+?[.!?](?=\s|$)/.exec(source)?.[0] ?? source).replace(/[.!?:;,]+$/, '');
  if (sentence.length <= TITLE_LENGTH) return sentence;
  const cut = sentence.slice(0, TITLE_LENGTH - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/**
 * Applies the checklist's defaults to its questions and gathers its actions.
 * The parsed objects are completed in place rather than copied: a
 * 20,000-question checklist is large enough for the copy to show in memory.
 */
function resolve(source: Checklist, file: string, hash: string): LoadedChecklist {
  const actions = new Map<string, Action>();
  const declared = new Map<string, ActionSource>();
  for (const a of source.actions ?? []) declared.set(a.id, a);
  const questions = source.questions.map((q, index) => {
    const question = q as unknown as Question;
    question.key = `${source.id}/${q.id}`;
    question.checklistId = source.id;
    question.index = index;
    // missing-stage guarantees one of the two.
    question.stage ??= source.stage as Stage;
    question.appliesTo ??= source.appliesTo as CustomerType[] | undefined;
    question.channels ??= source.channels as Channel[] | undefined;
    question.needs ??= source.needs;
    question.markets ??= source.markets;
    question.owner ??= source.owner;
    question.kind ??= 'practice';
    question.reach ??= 'most';
    question.learnMore ??= [];
    question.choices ??= [];
    question.action = q.action ?? question.key;
    return question;
  });
  // An `after` names an action of this checklist, or a question (meaning its action).
  const byId = new Map(questions.map((q) => [q.id, q]));
  const actionKey = (name: string) => (declared.has(name) ? name : (byId.get(name)?.action ?? name));
  for (const q of questions) {
    if (!isScored(q)) continue;
    let action = actions.get(q.action);
    if (!action) {
      const shared = declared.get(q.action);
      const src = source.questions[q.index]!;
      action = {
        key: q.action,
        checklistId: source.id,
        title: shared?.title ?? src.title ?? fallbackTitle(src),
        fix: shared ? shared.fix : q.fix,
        after: [...new Set((shared ? shared.after : src.after)?.map(actionKey).filter((k) => k !== q.action) ?? [])],
        owner: shared?.owner ?? q.owner,
        questions: [],
      };
      actions.set(q.action, action);
    }
    (action.questions as string[]).push(q.key);
  }
  const capabilities: Capability[] = (source.capabilities ?? []).map((c) => ({
    id: c.id,
    checklistId: source.id,
    title: c.title,
    requiredFor: c.requiredFor,
    met: c.met,
  }));
  return {
    id: source.id,
    title: source.title,
    version: source.version,
    description: source.description,
    hash,
    file,
    questions,
    actions: [...actions.values()],
    capabilities,
  };
}

/**
 * The part of a checklist the schema accepted: questions and top-level keys
 * with a schema error are left out, so the semantic rules can still run on
 * the rest and a file's problems are reported in one run, not in waves.
 * `original[i]` is the index in the file of the i-th question kept.
 */
function acceptedPart(data: unknown, schemaErrors: readonly Diagnostic[]): { checklist: Checklist; original: number[] } | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const source = data as Record<string, unknown>;
  const badKeys = new Set<string>();
  const badQuestions = new Set<number>();
  for (const d of schemaErrors) {
    const [key, index] = d.dataPath ?? [];
    if (key === 'questions' && typeof index === 'number') badQuestions.add(index);
    else if (typeof key === 'string') badKeys.add(key);
  }
  const accepted: Record<string, unknown> = {};
  for (const key of Object.keys(source)) if (!badKeys.has(key)) accepted[key] = source[key];
  const questions = Array.isArray(accepted.questions) ? (accepted.questions as unknown[]) : [];
  const original: number[] = [];
  accepted.questions = questions.filter((q, i) => {
    if (badQuestions.has(i) || q === null || typeof q !== 'object') return false;
    original.push(i);
    return true;
  });
  return { checklist: accepted as unknown as Checklist, original };
}

/** Schema pass, then the semantic rules on what the schema accepted; one file, no cross-file checks. */
export function checkChecklistFile(file: YamlFile): { diagnostics: Diagnostic[]; checklist?: LoadedChecklist } {
  const schema = schemaDiagnostics(validateChecklist, file, checklistVocabulary);
  const part = acceptedPart(file.data, schema);
  if (!part) return { diagnostics: schema };
  const { checklist, original } = part;
  // Rules count questions among those kept; the file counts them all.
  const inFile = (path: readonly (string | number)[]) =>
    path[0] === 'questions' && typeof path[1] === 'number' ? ['questions', original[path[1]] ?? path[1], ...path.slice(2)] : [...path];
  const placeOf: YamlFile['placeOf'] = (path, options) => file.placeOf(inFile(path), options);
  const ctx: RuleContext = {
    checklist,
    placeOf,
    at: (path, message, options) => ({ file: file.path, ...placeOf(path, options), message }),
  };
  const semantic = RULES.flatMap((rule) => rule.check(ctx).map((d) => ({ ...d, rule: rule.name, severity: rule.severity })));
  const diagnostics = [...schema, ...semantic];
  return diagnostics.some(isError) ? { diagnostics } : { diagnostics, checklist: resolve(checklist, file.path, file.hash) };
}

/** Lets a pending Ctrl-C be handled between files, and stops if it was. */
async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((done) => setImmediate(done));
  if (signal?.aborted) throw new InterruptedError('interrupted');
}

/** Loads checklist files: every problem becomes a diagnostic, nothing throws for bad content. */
export async function loadChecklists(paths: readonly string[], context: ReadContext = {}): Promise<LoadResult> {
  const parsed = new Map<ChecklistFileResult, YamlFile>();
  const files: ChecklistFileResult[] = [];
  for (const path of paths) {
    await checkpoint(context.signal);
    const read = await readYamlFile(path, { ...context, kind: 'checklist' });
    if (!read.ok) {
      files.push({ file: path, unreadable: read.reason === 'unreadable', diagnostics: read.diagnostics });
      continue;
    }
    await checkpoint(context.signal);
    // A checklist that extends another is checked as the one they make together.
    const composed = await compose(read.file, context, checkChecklistFile);
    if (composed.diagnostics.some(isError)) {
      files.push({ file: path, unreadable: false, diagnostics: [...read.diagnostics, ...composed.diagnostics] });
      continue;
    }
    const checked = checkChecklistFile(composed.file);
    if (checked.checklist && composed.origins.size) checked.checklist.origins = composed.origins;
    const result = {
      file: path,
      unreadable: false,
      checklist: checked.checklist,
      diagnostics: [...read.diagnostics, ...composed.diagnostics, ...checked.diagnostics],
    };
    parsed.set(result, composed.file);
    files.push(result);
  }
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
  // Cross-file rule: an action id declared by two checklists is one action, so it needs one title.
  const firstAction = new Map<string, { title: string; file: string }>();
  for (const result of files) {
    const checklist = result.checklist;
    if (!checklist) continue;
    const declared = ((parsed.get(result)?.data as Checklist | undefined)?.actions ?? []).map((a, i) => ({ ...a, index: i }));
    for (const action of declared) {
      const first = firstAction.get(action.id);
      if (!first) {
        firstAction.set(action.id, { title: action.title, file: result.file });
        continue;
      }
      if (first.title === action.title) continue;
      result.diagnostics.push({
        file: result.file,
        ...(parsed.get(result)?.placeOf(['actions', action.index, 'title']) ?? {}),
        severity: 'error',
        rule: 'action-conflict',
        message: `action "${action.id}" is also declared by ${first.file} with the title "${first.title}"; an action shared by checklists is one action, so give it the same title in both, or another id here`,
      });
      delete result.checklist;
    }
  }
  return { files, checklists: files.flatMap((f) => (f.checklist ? [f.checklist] : [])) };
}
