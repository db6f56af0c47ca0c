import type { SchemaVocabulary } from '../files/schema-diagnostics.js';
import { SCHEMA_KEYS } from '../generated/schema-keys.js';

/** How answers-file schema errors are worded. */
export const answersVocabulary: SchemaVocabulary = {
  describe(path) {
    if (path.length === 0) return 'the answers file';
    if (path[0] === 'answers' && path.length >= 2) return `the answer to ${String(path[1])}`;
    if (path[0] === 'checklists' && path.length >= 2) return `checklist "${String(path[1])}"`;
    if (path[0] === 'profile') return 'the profile';
    return `"${String(path[0])}"`;
  },
  allowedKeys(path) {
    if (path.length === 0) return SCHEMA_KEYS.answers.root;
    if (path[0] === 'answers') return SCHEMA_KEYS.answers.Answer;
    if (path[0] === 'checklists') return SCHEMA_KEYS.answers.ChecklistStamp;
    if (path[0] === 'profile') return SCHEMA_KEYS.answers.Profile;
    return [];
  },
  hint(key, keyword, value) {
    // `shop/x: no` where `shop/x: { answer: no }` is meant: show the right form.
    if (keyword === 'type' && key.includes('/') && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      return `each answer is a mapping; write it as ${key}: { answer: ${Array.isArray(value) ? `[${value.map(String).join(', ')}]` : String(value)} }`;
    }
    if (keyword === 'required' && key === 'answer') return 'add answer: <value>, or remove the entry';
    if (keyword === 'required' && key === 'answers') return 'add an "answers:" mapping, even an empty one ({})';
    if (keyword === 'required' && key === 'schemaVersion') return 'add schemaVersion: 1 at the top';
    if (key === 'answers' && keyword === 'type') return 'write one entry per question, like customer-types/vat-number-field: { answer: yes }';
    if (key === 'schemaVersion') return 'this cx-audit reads answers files of schemaVersion 1';
    if (key === 'answers[]') return 'keys are checklist-id/question-id, like customer-types/vat-number-field';
    if (key === 'checklists[]') return 'keys are checklist ids in kebab-case';
    if (key === 'answer') return 'write yes, no, a number 1-5, a choice id, a list of choice ids, n/a or unsure';
    return undefined;
  },
};
