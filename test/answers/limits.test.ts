import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAME_MAX } from '../../src/cli/main.js';
import { TEXT_MAX } from '../../src/interview/ask.js';

/** The interview and the flags refuse what the loader would refuse: their limits are the schema's. */
describe('limits shared with the answers schema', () => {
  const schema = JSON.parse(readFileSync('schemas/answers.schema.json', 'utf8'));

  it('a note and a text answer', () => {
    expect(TEXT_MAX).toBe(schema.definitions.Answer.properties.note.maxLength);
    expect(TEXT_MAX).toBe(schema.definitions.Answer.properties.answer.maxLength);
  });

  it('--client and --auditor', () => {
    expect(NAME_MAX).toBe(schema.properties.client.maxLength);
    expect(NAME_MAX).toBe(schema.properties.auditor.maxLength);
  });
});
