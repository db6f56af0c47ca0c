import type { ChecklistRule } from './context.js';
import { dependencyGraph } from './dependencies.js';

export const whenCycle: ChecklistRule = {
  name: 'when-cycle',
  severity: 'error',
  description: 'Questions whose when conditions depend on each other in a circle.',
  check(ctx) {
    const { edges, component, cyclic } = dependencyGraph(ctx.checklist);
    const questions = ctx.checklist.questions;
    const reported = new Set<number>();
    const out = [];
    for (const edge of edges) {
      const c = component[edge.from]!;
      if (!cyclic.has(c) || component[edge.to] !== c || reported.has(c)) continue;
      reported.add(c);
      // Walk the cycle from this edge back to its start, staying inside the component.
      const cycle = [edge.from];
      let at = edge.to;
      const seen = new Set(cycle);
      while (at !== edge.from && !seen.has(at)) {
        cycle.push(at);
        seen.add(at);
        const next = edges.find((e) => e.from === at && component[e.to] === c && (!seen.has(e.to) || e.to === edge.from));
        if (!next) break;
        at = next.to;
      }
      const names = [...cycle, edge.from].map((i) => `"${questions[i]!.id}"`).join(' → ');
      out.push(
        ctx.at(
          edge.path,
          cycle.length === 1
            ? `question "${questions[edge.from]!.id}" depends on itself; a question cannot be skipped because of its own answer`
            : `questions ${names} depend on each other in a circle, so none of them could ever be asked; remove one of these conditions`,
        ),
      );
    }
    return out;
  },
};
