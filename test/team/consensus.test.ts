import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/answers/model.js';
import { QUESTION_KINDS } from '../../src/questions/index.js';
import { consensus } from '../../src/team/consensus.js';
import { checklist } from '../helpers/build.js';

const levels = [
  { id: 'none', label: 'None', score: 0 },
  { id: 'some', label: 'Some', score: 0.5 },
  { id: 'all', label: 'All', score: 1 },
  { id: 'no-staff', label: 'Nobody else works here', notApplicable: true as const },
];
const c = checklist('c', [
  { id: 'yn' },
  { id: 'scale', type: 'scale' },
  { id: 'choice', type: 'choice', choices: levels },
  { id: 'multi', type: 'multi', choices: levels.slice(0, 3).map((l) => ({ ...l, score: 0.5 })) },
  { id: 'text', type: 'text' },
]);
const q = Object.fromEntries(c.questions.map((x) => [x.id, x]));
const agree = (id: string, ...answers: AnswerValue[]) =>
  consensus(
    q[id]!,
    answers.map((answer, i) => ({ respondent: `R${i}`, record: { answer } })),
  );

describe('the consensus rule', () => {
  it('covers every question type', () => {
    expect(Object.keys(QUESTION_KINDS).sort()).toEqual(['choice', 'multi', 'scale', 'text', 'yes-no']);
  });

  it('yes-no: the more cautious answer, one "no" is enough', () => {
    expect(agree('yn', 'yes', 'yes', 'no')).toEqual({ answer: 'no', disputed: true });
    expect(agree('yn', 'yes', 'yes')).toEqual({ answer: 'yes', disputed: false });
  });

  it('scale: the median, the lower one of an even count', () => {
    expect(agree('scale', 5, 1, 4)).toEqual({ answer: 4, disputed: true });
    expect(agree('scale', 5, 2, 4, 3)).toEqual({ answer: 3, disputed: true });
    expect(agree('scale', 3, 3)).toEqual({ answer: 3, disputed: false });
  });

  it('choice: the median by score; "does not apply" never outweighs a scored choice', () => {
    expect(agree('choice', 'all', 'none', 'some')).toEqual({ answer: 'some', disputed: true });
    expect(agree('choice', 'all', 'some')).toEqual({ answer: 'some', disputed: true });
    expect(agree('choice', 'no-staff', 'all')).toEqual({ answer: 'all', disputed: true });
    expect(agree('choice', 'no-staff', 'no-staff')).toEqual({ answer: 'no-staff', disputed: false });
  });

  it('multi: the options more than half of the people picked', () => {
    expect(agree('multi', ['none', 'some'], ['some'], ['some', 'all'])).toEqual({ answer: ['some'], disputed: true });
    expect(agree('multi', ['all', 'some'], ['some', 'all'])).toEqual({ answer: ['some', 'all'], disputed: false });
    expect(agree('multi', ['none'], ['all'])).toEqual({ answer: [], disputed: true });
  });

  it('text: the first answer, never a dispute', () => {
    expect(agree('text', 'Hand-dyed', 'Fast shipping')).toEqual({ answer: 'Hand-dyed', disputed: false });
  });

  it('unsure and n/a never override a real answer; alone, unsure wins over n/a', () => {
    for (const id of ['yn', 'scale', 'choice', 'multi']) {
      const realAnswer = { yn: 'yes', scale: 4, choice: 'all', multi: ['all'] }[id] as AnswerValue;
      expect(agree(id, 'unsure', realAnswer, 'n/a'), id).toEqual({ answer: realAnswer, disputed: false });
    }
    expect(agree('yn', 'n/a', 'unsure')).toEqual({ answer: 'unsure', disputed: false });
    expect(agree('yn', 'n/a', 'n/a')).toEqual({ answer: 'n/a', disputed: false });
    expect(agree('yn')).toBeUndefined();
  });
});
