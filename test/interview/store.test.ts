import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AnswersStore } from '../../src/interview/store.js';
import { answers, checklist } from '../helpers/build.js';

const c = checklist('c', [{ id: 'first', text: 'First question?' }, { id: 'second' }]);
const fresh = () => join(mkdtempSync(join(tmpdir(), 'cx-audit-store-')), 'answers.yaml');

describe('the answers store', () => {
  it('writes a readable file in checklist order, with each question as a comment', () => {
    const path = fresh();
    const store = new AnswersStore(path, [c]);
    store.save(
      answers({ 'c/second': { answer: 'no', note: 'Ask the\nwarehouse' }, 'c/first': 'yes', 'gone/old': 'yes' }, { customerTypes: ['b2c'], channels: [] }),
    );
    expect(readFileSync(path, 'utf8')).toBe(
      [
        '# cx-audit answers: written after every answer, safe to edit by hand.',
        '# Each answer is yes/no, 1-5, a choice id or a list of them; n/a and unsure work for any question.',
        '# Score it again with: cx-audit report <this file>',
        '# Editors can check this file as you type: run `cx-audit schema answers > answers.schema.json`,',
        '# then remove the first "# " of the next line.',
        '# # yaml-language-server: $schema=./answers.schema.json',
        '',
        'schemaVersion: 1',
        'profile:',
        '  customerTypes: [b2c]',
        '  channels: []',
        'answers:',
        '  # First question?',
        '  c/first:',
        '    answer: yes',
        '  # Question second?',
        '  c/second:',
        '    answer: no',
        '    note: |-',
        '      Ask the',
        '      warehouse',
        '  gone/old:',
        '    answer: yes',
        '',
      ].join('\n'),
    );
    expect(readdirSync(join(path, '..'))).toEqual(['answers.yaml']); // no temporary file left behind
  });

  it('refuses a lock held by a running process, naming it and the way out', () => {
    const path = fresh();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-11-23T10:00:00.000Z' }));
    expect(() => new AnswersStore(path, [c]).lock()).toThrow(
      `${path} is in use by another cx-audit (process ${process.pid}, since 2026-11-23T10:00:00.000Z). Finish that interview first; if none is running, delete ${path}.lock`,
    );
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    const path = fresh();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: 'earlier' }));
    const store = new AnswersStore(path, [c]);
    store.lock();
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8')).pid).toBe(process.pid);
    store.release();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('keeps every earlier file as a numbered backup when starting over', () => {
    const path = fresh();
    const store = new AnswersStore(path, [c]);
    store.save(answers({ 'c/first': 'yes' }));
    expect(store.backup()).toBe(`${path}.1.bak`);
    expect(parse(readFileSync(`${path}.1.bak`, 'utf8')).answers).toEqual({ 'c/first': { answer: 'yes' } });
    store.save(answers({ 'c/first': 'no' }));
    expect(store.backup()).toBe(`${path}.2.bak`);
    expect(parse(readFileSync(`${path}.1.bak`, 'utf8')).answers).toEqual({ 'c/first': { answer: 'yes' } });
    expect(parse(readFileSync(`${path}.2.bak`, 'utf8')).answers).toEqual({ 'c/first': { answer: 'no' } });
  });
});
