// Writes a checklist of n questions, and a complete answers file for it, the
// shape a consultant's large library would have: every question type, skip
// logic, customer types and channels, shared actions, actions that come
// after others, and capabilities that gate the stages.
import { writeFileSync } from 'node:fs';

export function generate(n, dir) {
  const lines = [
    'id: generated',
    'title: Generated checklist',
    'version: 1.0.0',
    'description: A large checklist for benchmarks.',
    'stage: during-sale',
    'actions:',
    ...Array.from({ length: 50 }, (_, k) => [`  - id: shared-${k}`, `    title: Check touchpoint group ${k} with a test order`]).flat(),
    'capabilities:',
    '  - { id: loop, title: A feedback loop that acts, requiredFor: proactive, met: { question: q15, is: "yes" } }',
    '  - { id: measure, title: A tracked satisfaction measure, requiredFor: customer-led, met: { question: q5, is: "yes" } }',
    'questions:',
  ];
  const answers = ['schemaVersion: 1', 'client: Bench', 'profile:', '  customerTypes: [b2c, b2b]', '  channels: [web-shop, phone]', 'answers:'];
  const impacts = ['critical', 'high', 'medium', 'low'];
  const efforts = ['low', 'medium', 'high'];
  for (let i = 0; i < n; i++) {
    const kind = i % 5;
    const impact = impacts[i % 4];
    const effort = impact === 'low' ? 'low' : efforts[i % 3];
    lines.push(`  - id: q${i}`);
    lines.push(`    text: Question number ${i}, about one touchpoint of the customer experience?`);
    lines.push(`    type: ${['yes-no', 'scale', 'choice', 'yes-no', 'multi'][kind]}`);
    if (i % 7 === 0) lines.push('    appliesTo: [b2b]');
    if (i % 11 === 0) lines.push('    channels: [web-shop]');
    if (kind === 3 && i > 0) lines.push(`    when: { question: q${i - 3}, is: yes }`);
    lines.push(`    impact: ${impact}`, `    effort: ${effort}`, `    stage: ${['before-sale', 'during-sale', 'after-sale'][i % 3]}`);
    lines.push(`    why: When this is missing, customer ${i} notices and some of them leave for good.`);
    lines.push(`    fix: Write down who owns touchpoint ${i} and check it every month.`);
    if (i % 10 === 5) lines.push(`    action: shared-${Math.floor(i / 10) % 50}`);
    else lines.push(`    title: Give touchpoint ${i} an owner`);
    if (i % 10 !== 5 && i % 9 === 0 && i >= 18) lines.push(`    after: [q${i - 9}]`);
    if (kind === 2 || kind === 4) {
      lines.push(
        '    choices:',
        '      - { id: none, label: Nothing yet, score: 0 }',
        '      - { id: some, label: Sometimes, score: 0.5 }',
        '      - { id: all, label: Always, score: 1 }',
      );
    }
    const value = [i % 2 ? 'yes' : 'no', String((i % 5) + 1), ['none', 'some', 'all'][i % 3], 'yes', `[some]`][kind];
    answers.push(`  generated/q${i}: { answer: ${value}${i % 13 === 0 ? ', note: "Checked with the team"' : ''} }`);
  }
  const checklist = `${dir}/generated-${n}.yaml`;
  const answersFile = `${dir}/answers-${n}.yaml`;
  writeFileSync(checklist, `${lines.join('\n')}\n`);
  writeFileSync(answersFile, `${answers.join('\n')}\n`);
  return { checklist, answers: answersFile };
}
