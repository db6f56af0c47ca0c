import type { ChecklistRule } from './context.js';
import { dependencyGraph, type Dependency } from './dependencies.js';

/** How many questions of a cycle its message names. */
const CYCLE_SHOWN = 8;

export const whenCycle: ChecklistRule = {
  name: 'when-cycle',
  severity: 'error',
  description: 'Questions whose when conditions depend on each other in a circle.',
  check(ctx) {
    const { edges, component, cyclic } = dependencyGraph(ctx.checklist);
    const questions = ctx.checklist.questions;
    const reported = new Set<number>();
    // Edges inside a cyclic component, by the question they start from: walking a cycle is then linear.
    const inside = new Map<number, Dependency[]>();
    for (const e of edges) {
      const c = component[e.from]!;
      if (!cyclic.has(c) || component[e.to] !== c) continue;
      const list = inside.get(e.from);
      if (list) list.push(e);
      else inside.set(e.from, [e]);
    }
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
        const next = inside.get(at)?.find((e) => !seen.has(e.to) || e.to === edge.from);
        if (!next) break;
        at = next.to;
      }
      // A cycle through thousands of questions is named by its first few.
      const shown = cycle.length > CYCLE_SHOWN ? cycle.slice(0, CYCLE_SHOWN) : [...cycle, edge.from];
      const names = `${shown.map((i) => `"${questions[i]!.id}"`).join(' → ')}${cycle.length > CYCLE_SHOWN ? ` → … (${cycle.length.toLocaleString('en-US')} questions in all)` : ''}`;
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
