import type { ChecklistRule } from './context.js';
import { dependencyGraph } from './dependencies.js';

export const forwardReference: ChecklistRule = {
  name: 'forward-reference',
  severity: 'error',
  description: 'A when condition refers to a later question, whose answer is not known yet when it is asked.',
  check(ctx) {
    const { edges, component, cyclic } = dependencyGraph(ctx.checklist);
    const questions = ctx.checklist.questions;
    return edges
      .filter((e) => e.to > e.from && !(cyclic.has(component[e.from]!) && component[e.to] === component[e.from]))
      .map((e) =>
        ctx.at(
          e.path,
          `question "${questions[e.from]!.id}" depends on "${questions[e.to]!.id}", which comes later; questions are asked in order, so move "${questions[e.to]!.id}" above it`,
        ),
      );
  },
};
