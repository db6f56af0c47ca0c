import type { Profile } from './model.js';
import { inProfile } from '../checklist/applicability.js';
import type { Condition, LoadedChecklist, Question } from '../checklist/model.js';
import { kindOf } from '../questions/index.js';
import { oneLine } from '../text/sanitize.js';

/** A text as a YAML double-quoted scalar: always valid, whatever it holds. */
const quoted = (text: string) => JSON.stringify(oneLine(text));

/** A comment line: one line, no control characters. */
const comment = (text: string) => `# ${oneLine(text)}`.trimEnd();

/** "asked only if `delivery/x` is yes": a condition in words, for a comment. */
function conditionText(condition: Condition, checklistId: string): string {
  if (condition.all) return condition.all.map((c) => conditionText(c, checklistId)).join(' and ');
  if (condition.any) return `(${condition.any.map((c) => conditionText(c, checklistId)).join(' or ')})`;
  if (condition.not) return `not ${conditionText(condition.not, checklistId)}`;
  const values = condition.is !== undefined ? [condition.is] : (condition.in ?? []);
  return `${checklistId}/${condition.question} is ${values.map(String).join(' or ')}`;
}

/** The lines that say what a question takes: its values, one per line for choices, and the answers every question takes. */
function allowed(question: Question): string[] {
  if (question.choices.length) {
    const ids = question.choices.map((c) => `#   ${c.id}: ${oneLine(c.label)}`);
    return [question.type === 'multi' ? '# a list of any of these, like [a, b], or [] for none:' : '# one of these:', ...ids, '# or n/a, or unsure'];
  }
  return [`# ${kindOf(question).describe(question)}; or n/a, or unsure`];
}

/**
 * An answers file to fill in by hand: every question the profile can be
 * asked, in checklist order, each preceded by its text, when it is asked and
 * what it takes, with `answer:` left empty. It loads as a partial answers
 * file: empty answers are simply not given yet.
 */
export function answersSkeleton(
  checklists: readonly LoadedChecklist[],
  options: { profile: Profile; client?: string | undefined; auditor?: string | undefined },
): string {
  const lines = [
    '# cx-audit answers, to fill in by hand: write each answer after "answer:" (and a note if you like).',
    '# Leave an answer empty until you know it; `cx-audit report <this file>` names the ones still empty,',
    '# and `cx-audit --answers <this file>` asks them in the terminal.',
    '',
    'schemaVersion: 1',
  ];
  if (options.client) lines.push(`client: ${quoted(options.client)}`);
  if (options.auditor) lines.push(`auditor: ${quoted(options.auditor)}`);
  const profile = Object.entries(options.profile).filter(([, v]) => v !== undefined);
  if (profile.length) {
    lines.push('profile:');
    for (const [key, value] of profile) lines.push(`  ${key}: ${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}`);
  }
  lines.push('checklists:');
  for (const c of checklists) lines.push(`  ${c.id}: { version: ${c.version}, hash: ${c.hash} }`);
  lines.push('answers:');
  for (const c of checklists) {
    const questions = c.questions.filter((q) => inProfile(q, options.profile));
    if (!questions.length) continue;
    lines.push('', `  ${comment(`${c.title} (${questions.length})`)}`);
    for (const q of questions) {
      lines.push('', `  ${comment(q.text)}`);
      if (q.when) lines.push(`  ${comment(`Asked only if ${conditionText(q.when, c.id)}; otherwise leave it empty.`)}`);
      for (const line of allowed(q)) lines.push(`  ${line}`);
      lines.push(`  ${q.key}:`, '    answer:');
    }
  }
  return `${lines.join('\n')}\n`;
}
