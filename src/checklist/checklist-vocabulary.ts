import type { DataPath as Path } from '../files/diagnostic.js';
import type { SchemaVocabulary } from '../files/schema-diagnostics.js';
import { SCHEMA_KEYS } from '../generated/schema-keys.js';

function idAt(data: unknown, path: Path): string | undefined {
  let v: unknown = data;
  for (const s of path) v = v && typeof v === 'object' && Object.hasOwn(v, s) ? (v as Record<string | number, unknown>)[s] : undefined;
  const id = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function slug(value: unknown): string {
  return (
    String(value)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'my-id'
  );
}

const KEY_HINTS: Record<string, string> = {
  id: 'add an id in kebab-case, like "vat-number-field"',
  title: 'add a title, the heading people see',
  version: 'add version: "1.0.0"',
  questions: 'add a "questions" list',
  text: 'add the question text, as the owner would read it',
  type: 'add type: yes-no, scale, choice, multi or text',
  impact: 'add impact: critical, high, medium or low (what closing the gap is worth)',
  effort: 'add effort: low, medium or high (what closing the gap costs)',
  label: 'add the label people pick',
  score: 'add a score from 0 (the gap) to 1 (best practice)',
};

/** How checklist schema errors are worded. */
export const checklistVocabulary: SchemaVocabulary = {
  describe(path, data) {
    if (path.length === 0) return 'the checklist';
    if (path[0] === 'override' && path.length >= 2) return `the override of question "${String(path[1])}"`;
    if (path[0] !== 'questions' || typeof path[1] !== 'number') return `"${String(path[0])}" of the checklist`;
    const qid = idAt(data, path.slice(0, 2));
    const question = qid ? `question "${qid}"` : `question ${path[1] + 1}`;
    if (path.length === 2) return question;
    if (path[2] === 'choices' && typeof path[3] === 'number') {
      const cid = idAt(data, path.slice(0, 4));
      return `${cid ? `choice "${cid}"` : `choice ${path[3] + 1}`} of ${question}`;
    }
    if (path[2] === 'when') return `a "when" condition of ${question}`;
    return `"${String(path[2])}" of ${question}`;
  },
  allowedKeys(path) {
    if (path.length === 0) return SCHEMA_KEYS.checklist.root;
    if (path[0] === 'override') return SCHEMA_KEYS.checklist.Override;
    if (path[2] === 'choices') return SCHEMA_KEYS.checklist.Choice;
    if (path[2] === 'when') return SCHEMA_KEYS.checklist.Condition;
    return SCHEMA_KEYS.checklist.Question;
  },
  hint(key, keyword, value) {
    if (keyword === 'required') return KEY_HINTS[key];
    if (keyword === 'type' && key === 'questions') return 'write each question as a list item that starts with "- "';
    if (keyword === 'type' && key === 'when') return 'conditions are data, not expressions: write { question: <id>, is: <answer> }';
    if (key === 'version') {
      return typeof value === 'number'
        ? `YAML read it as a number; quote it and use three parts, like version: "${String(value).split('.').concat(['0', '0']).slice(0, 3).join('.')}"`
        : 'use a semantic version with three numbers, like "1.0.0"';
    }
    if (key === 'id' || key === 'question') return `ids use lowercase letters, digits and single dashes, like "${slug(value)}"`;
    if (typeof value === 'string' && /^https?:/.test(value) === false && keyword === 'pattern') return 'write a full web address starting with https://';
    if (key === 'questions') return 'add at least one question';
    if (key === 'choices') return 'give at least two choices';
    if (key === 'is') return 'write the answer as text (yes, no, a choice id) or a scale number';
    if (keyword === 'minProperties') return 'write {question: <id>, is: <answer>}, or use all, any or not';
    if (typeof value === 'boolean' && (key === 'text' || key === 'title' || key === 'label' || key === 'why' || key === 'fix')) {
      return 'YAML read a bare true/false; put the text in quotes';
    }
    if (key === 'text' || key === 'title' || key === 'label' || key === 'why' || key === 'fix' || key === 'description') {
      return 'put the text in quotes if it contains a colon or starts with a special character';
    }
    return undefined;
  },
};
