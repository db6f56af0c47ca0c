import type { Checklist } from '../model.js';
import { referencesOf, type Path } from './context.js';

export interface Dependency {
  from: number;
  to: number;
  path: Path;
}

export interface DependencyGraph {
  /** Edges from a question to the (existing) questions its `when` refers to. */
  edges: Dependency[];
  /** For each question, the id of its strongly connected component. */
  component: number[];
  /** Components with a cycle (more than one question, or a question referring to itself). */
  cyclic: Set<number>;
}

const cache = new WeakMap<Checklist, DependencyGraph>();

/** The `when` graph of a checklist, with its cycles found by Tarjan's algorithm (iteratively: checklists can be huge). */
export function dependencyGraph(checklist: Checklist): DependencyGraph {
  const cached = cache.get(checklist);
  if (cached) return cached;
  const indexOf = new Map<string, number>();
  checklist.questions.forEach((q, i) => {
    if (!indexOf.has(q.id)) indexOf.set(q.id, i);
  });
  const n = checklist.questions.length;
  const edges: Dependency[] = [];
  const out: number[][] = Array.from({ length: n }, () => []);
  checklist.questions.forEach((q, i) => {
    for (const ref of referencesOf(q, i)) {
      const to = indexOf.get(ref.id);
      if (to === undefined) continue;
      edges.push({ from: i, to, path: ref.path });
      out[i]!.push(to);
    }
  });

  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const component = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: { v: number; next: number }[] = [{ v: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length) {
      const frame = work[work.length - 1]!;
      const targets = out[frame.v]!;
      if (frame.next < targets.length) {
        const w = targets[frame.next++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push({ v: w, next: 0 });
        } else if (onStack[w]) {
          low[frame.v] = Math.min(low[frame.v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.v;
        low[parent] = Math.min(low[parent]!, low[frame.v]!);
      }
      if (low[frame.v] === index[frame.v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          component[w] = components;
        } while (w !== frame.v);
        components++;
      }
    }
  }
  const size = new Map<number, number>();
  for (const c of component) size.set(c, (size.get(c) ?? 0) + 1);
  const cyclic = new Set<number>();
  for (const [c, count] of size) if (count > 1) cyclic.add(c);
  for (const e of edges) if (e.from === e.to) cyclic.add(component[e.from]!);
  const graph = { edges, component, cyclic };
  cache.set(checklist, graph);
  return graph;
}
