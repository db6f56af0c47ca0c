import { audit } from '../../src/audit/score.js';
import { answers, checklist } from './build.js';

/** Texts that try to break out of whatever they are placed in: markup, tables, terminals, bidirectional text. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '| breaks | the | table |',
  '**bold** _em_ `code` [link](http://evil.example) ![img](x.png)',
  '# heading\n\n- list\n> quote',
  'line\r\nbreaks\ttabs',
  '\u001b[31mred\u001b[0m and \u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007 and \u0007bell \u009b2J',
  '&amp; &lt; entities',
  '\u202eeverse',
  '"><img src=x onerror=alert(1)></style></svg><a href="//evil.example">x</a>',
  'Müller & Søn, Łódź → ✓ ★ 😀 \uffff',
];

/** A report whose every text comes from a hostile string. */
export function hostileReport(text: string) {
  const c = checklist(
    'hostile',
    [
      { id: 'a', text, why: text, fix: text, impact: 'critical', effort: 'low', title: text },
      {
        id: 'b',
        text,
        why: text,
        fix: text,
        type: 'choice',
        choices: [
          { id: 'x', label: text, score: 0 },
          { id: 'y', label: 'ok', score: 1 },
        ],
      },
      { id: 'c', text, impact: 'high' },
      { id: 'd', text, strength: text, impact: 'high' },
      { id: 'e', text, action: 'shared' },
    ],
    {
      title: text,
      version: '1.0.0',
      actions: [{ id: 'shared', title: text, fix: text }],
      capabilities: [{ id: 'cap', title: text, requiredFor: 'responsive', met: { question: 'a', is: 'yes' } }],
    },
  );
  return audit({
    checklists: [c],
    answers: answers({
      'hostile/a': { answer: 'no', note: text },
      'hostile/b': { answer: 'x', note: text },
      'hostile/c': { answer: 'unsure', note: text },
      'hostile/d': { answer: 'yes', note: text },
      'hostile/e': { answer: 'no', note: text },
    }),
    date: '2026-01-01',
    toolVersion: '0.0.0',
    top: 1,
    client: text,
    auditor: text,
    warnings: [text],
  });
}
