import type { Ask, QuestionResponse, QuestionView } from '../../src/interview/flow.js';
import type { Channel, CustomerType } from '../../src/checklist/vocabulary.js';

export type Step = [key: string, response: QuestionResponse['kind'] extends never ? never : string | number | string[] | QuestionResponse];

/**
 * An `Ask` that answers from a script: each step names the question it
 * expects next (so the test pins the order) and what to answer.
 */
export function scriptedAsk(options: {
  steps: Step[];
  profile?: { customerTypes: CustomerType[]; channels: Channel[] };
  notes?: string[];
  resume?: 'resume' | 'restart';
}) {
  const steps = [...options.steps];
  const notes = [...(options.notes ?? [])];
  const log = {
    asked: [] as string[],
    views: [] as QuestionView[],
    shown: [] as string[],
    profileAsked: [] as { customerTypes: boolean; channels: boolean }[],
  };
  const ask: Ask = {
    async resume() {
      return options.resume ?? 'resume';
    },
    async profile(_defaults, which) {
      log.profileAsked.push(which);
      if (!options.profile) throw new Error('profile was not expected to be asked');
      return options.profile;
    },
    async question(question, view) {
      log.asked.push(question.key);
      log.views.push(view);
      const step = steps.shift();
      if (!step) throw new Error(`script ran out at ${question.key}`);
      const [expected, response] = step;
      if (expected !== question.key) throw new Error(`expected to be asked ${expected}, was asked ${question.key}`);
      if (typeof response === 'object' && !Array.isArray(response)) return response;
      return { kind: 'answer', value: response };
    },
    async note() {
      return notes.shift() ?? '';
    },
    show(text) {
      log.shown.push(text);
    },
    close() {},
  };
  return { ask, log, remaining: () => steps.length };
}
