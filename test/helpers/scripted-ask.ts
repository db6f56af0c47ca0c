import type { Profile } from '../../src/answers/model.js';
import type { Ask, ProfileFact, QuestionResponse, QuestionView } from '../../src/interview/flow.js';

export type Step = [key: string, response: string | number | boolean | string[] | QuestionResponse];

/**
 * An `Ask` that answers from a script: each step names the question it
 * expects next (so the test pins the order) and what to answer. The profile
 * facts come from `profile`, in the order they are asked (a fact the script
 * lacks fails the test); steps may also be profile facts, as
 * `['profile:shipsGoods', false]`, after a back to the profile.
 */
export function scriptedAsk(options: {
  steps: Step[];
  profile?: Profile;
  notes?: string[];
  resume?: 'resume' | 'revisit' | 'restart';
  revisit?: 'revisit' | 'finish';
  name?: string;
}) {
  const steps = [...options.steps];
  const notes = [...(options.notes ?? [])];
  const log = {
    asked: [] as string[],
    views: [] as QuestionView[],
    shown: [] as string[],
    facts: [] as ProfileFact[],
    opening: [] as [count: number, minutes: number][],
    revisitOffered: [] as number[],
  };
  const ask: Ask = {
    async resume() {
      return options.resume ?? 'resume';
    },
    async profileFact(fact) {
      log.facts.push(fact);
      const step = steps[0];
      if (step && step[0] === `profile:${fact}`) {
        steps.shift();
        return step[1] as never;
      }
      const value = options.profile?.[fact];
      if (value === undefined) throw new Error(`profile fact ${fact} was not expected to be asked`);
      return value as never;
    },
    async text() {
      return options.name ?? 'Tester';
    },
    opening(count, minutes) {
      log.opening.push([count, minutes]);
    },
    async revisit(unsure) {
      log.revisitOffered.push(unsure);
      return options.revisit ?? 'finish';
    },
    async question(question, view) {
      log.asked.push(question.key);
      log.views.push(view);
      const step = steps.shift();
      if (!step) throw new Error(`script ran out at ${question.key}`);
      const [expected, response] = step;
      if (expected !== question.key) throw new Error(`expected to be asked ${expected}, was asked ${question.key}`);
      if (typeof response === 'object' && !Array.isArray(response)) return response;
      if (typeof response === 'boolean') throw new Error(`a yes/no fact cannot answer question ${question.key}`);
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
