import type { Action, Effort, Impact, Kind, LoadedChecklist, Question } from '../checklist/model.js';
import type { ActionQuestion, ActionResult } from '../generated/report.js';
import { kindOf } from '../questions/index.js';
import type { Evaluated } from './evaluate.js';
import {
  CAPABILITY_FACTOR,
  CHECK_OVERLAP,
  CLOSED_SHARE,
  TOUCHPOINT_FACTOR,
  EFFORT_COST,
  IMPACT_WEIGHT,
  KIND_FACTOR,
  REACH_FACTOR,
  round,
  tierOf,
} from './model.js';

interface OpenQuestion {
  question: Question;
  /** The question's kind, or that of the answer given ("we don't measure it" is a check). */
  kind: Kind;
  /** 1 − compliance: how much of the practice is missing. */
  gap: number;
  status: 'answered' | 'closed';
  label: string | null;
}

interface OpenAction {
  action: Action;
  questions: OpenQuestion[];
  /** Order of the action's first question among all, for ties. */
  order: number;
  value: number;
  impact: Impact;
  effort: Effort;
  priority: number;
}

/**
 * What one open question is worth closing: weight × gap × kind × reach;
 * more where the business meets its customers, and more where a missing
 * capability holds it at its stage.
 */
export function valueOf(question: Question, gap: number, gating = false, kind: Kind = question.kind): number {
  const touchpoint = question.appliesTo || question.channels ? TOUCHPOINT_FACTOR : 1;
  const capability = gating ? CAPABILITY_FACTOR : 1;
  return IMPACT_WEIGHT[question.impact!] * gap * KIND_FACTOR[kind] * REACH_FACTOR[question.reach] * touchpoint * capability;
}

const byWeight = (impacts: Impact[]) => impacts.reduce((a, b) => (IMPACT_WEIGHT[b] > IMPACT_WEIGHT[a] ? b : a));
const byCost = (efforts: Effort[]) => efforts.reduce((a, b) => (EFFORT_COST[b] > EFFORT_COST[a] ? b : a));

/**
 * The questions each action would close, with their gaps. A follow-up closed
 * by a short answer belongs to the action of the question that closed it:
 * starting a loyalty program is what opens the way to its tiers.
 */
function openActions(checklists: readonly LoadedChecklist[], evaluated: readonly Evaluated[], gating: ReadonlySet<string>): Map<string, OpenAction> {
  const actions = new Map<string, Action>();
  for (const c of checklists) for (const a of c.actions) if (!actions.has(a.key)) actions.set(a.key, a);
  const states = new Map(evaluated.map((e) => [e.question.key, e]));
  const rootOf = (e: Evaluated): Evaluated => {
    let at = e;
    while (at.state.status === 'closed') at = states.get(at.state.by) ?? at;
    return at;
  };
  const open = new Map<string, OpenAction>();
  evaluated.forEach((e, position) => {
    const { question, state } = e;
    if (!question.impact || !question.effort) return;
    let gap: number;
    let owner: Evaluated = e;
    if (state.status === 'answered' && state.compliance !== null && state.compliance < 1) gap = 1 - state.compliance;
    else if (state.status === 'closed') {
      gap = 1;
      owner = rootOf(e);
    } else return;
    const action = actions.get(owner.question.action);
    if (!action) return;
    let entry = open.get(action.key);
    if (!entry) {
      entry = { action, questions: [], order: position, value: 0, impact: question.impact, effort: question.effort, priority: 0 };
      open.set(action.key, entry);
    }
    const label = state.status === 'answered' ? kindOf(question).label(question, state.record.answer) : null;
    const picked = state.status === 'answered' ? question.choices.find((c) => c.id === state.record.answer) : undefined;
    entry.questions.push({ question, kind: picked?.kind ?? question.kind, gap, status: state.status, label });
  });
  for (const entry of open.values()) {
    const own = entry.questions.filter((q) => q.status === 'answered');
    const basis = own.length ? own : entry.questions;
    entry.impact = byWeight(basis.map((q) => q.question.impact!));
    entry.effort = byCost(basis.map((q) => q.question.effort!));
    // A follow-up closed by the gateway counts at half: doing the gateway's fix opens it, and it needs its own work then.
    const values = entry.questions.map((q) => ({
      check: q.kind === 'check',
      value: valueOf(q.question, q.gap, gating.has(q.question.key), q.kind) * (q.status === 'closed' ? CLOSED_SHARE : 1),
    }));
    // Checks done in one go (one test order) overlap: the most valuable counts in full, the others at CHECK_OVERLAP.
    const checks = values.filter((v) => v.check).sort((a, b) => b.value - a.value);
    entry.value = values.reduce((sum, v) => sum + (v.check && v !== checks[0] ? v.value * CHECK_OVERLAP : v.value), 0);
    entry.priority = entry.value / EFFORT_COST[entry.effort];
  }
  return open;
}

/**
 * The priority an action is ordered by: its own, or that of an open action
 * waiting for it (directly or down a chain), whichever is higher. Measuring
 * on-time delivery is urgent when late deliveries are, so what must come
 * first moves up with them. Linear in actions and `after` links.
 */
function urgency(open: Map<string, OpenAction>): Map<string, number> {
  const waiting = new Map<string, string[]>();
  for (const a of open.values()) {
    for (const before of a.action.after) if (open.has(before)) (waiting.get(before) ?? waiting.set(before, []).get(before)!).push(a.action.key);
  }
  const urgent = new Map<string, number>();
  // Depth first, without recursion: a chain can be as long as the checklist.
  // A key on the stack again (a cycle across checklists) counts its own priority only.
  for (const root of open.keys()) {
    if (urgent.has(root)) continue;
    const stack: { key: string; next: number }[] = [{ key: root, next: 0 }];
    const onStack = new Set([root]);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const after = waiting.get(top.key) ?? [];
      if (top.next < after.length) {
        const child = after[top.next++]!;
        if (!urgent.has(child) && !onStack.has(child)) {
          stack.push({ key: child, next: 0 });
          onStack.add(child);
        }
        continue;
      }
      let value = open.get(top.key)!.priority;
      for (const child of after) value = Math.max(value, urgent.get(child) ?? 0);
      urgent.set(top.key, value);
      onStack.delete(top.key);
      stack.pop();
    }
  }
  return urgent;
}

/** A binary min-heap of numbers: the ready actions, by their place in the sorted list. */
class MinHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(value: number): void {
    const items = this.items;
    let i = items.push(value) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= value) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = value;
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= items.length) break;
        if (child + 1 < items.length && items[child + 1]! < items[child]!) child++;
        if (items[child]! >= last) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}

/**
 * The actions in the order to do them: most value per unit of work first
 * (with the urgency of what waits for them), never before an open action
 * they come after. Ties go to the bigger impact, then to checklist order.
 * At each step the first action in that order whose prerequisites are done.
 */
function order(open: Map<string, OpenAction>): OpenAction[] {
  const urgent = urgency(open);
  const sorted = [...open.values()].sort(
    (a, b) =>
      urgent.get(b.action.key)! - urgent.get(a.action.key)! ||
      b.priority - a.priority ||
      IMPACT_WEIGHT[b.impact] - IMPACT_WEIGHT[a.impact] ||
      a.order - b.order,
  );
  const indexOf = new Map(sorted.map((a, i) => [a.action.key, i]));
  const missing = sorted.map((a) => new Set(a.action.after.filter((k) => open.has(k))).size);
  const dependents = sorted.map(() => [] as number[]);
  sorted.forEach((a, i) => {
    for (const k of new Set(a.action.after)) if (open.has(k)) dependents[indexOf.get(k)!]!.push(i);
  });
  const ready = new MinHeap();
  missing.forEach((n, i) => n === 0 && ready.push(i));
  const placed = new Array<boolean>(sorted.length).fill(false);
  const out: OpenAction[] = [];
  let firstUnplaced = 0;
  while (out.length < sorted.length) {
    let next: number;
    if (ready.size) next = ready.pop();
    else {
      // A cycle (only possible across checklists that share an action) must not stop the list: take the first left.
      while (placed[firstUnplaced]) firstUnplaced++;
      next = firstUnplaced;
    }
    if (placed[next]) continue;
    placed[next] = true;
    out.push(sorted[next]!);
    for (const d of dependents[next]!) if (--missing[d]! === 0 && !placed[d]) ready.push(d);
  }
  return out;
}

/**
 * The ranked actions of an audit. `total` is the low end's denominator,
 * which gains are points of; `gating` the keys of questions a missing
 * capability rests on.
 */
export function rankActions(
  checklists: readonly LoadedChecklist[],
  evaluated: readonly Evaluated[],
  total: number,
  gating: ReadonlySet<string> = new Set(),
): ActionResult[] {
  const open = openActions(checklists, evaluated, gating);
  return order(open).map((entry, i) => {
    const { action, questions } = entry;
    const first = questions.find((q) => q.status === 'answered') ?? questions[0]!;
    const closes: ActionQuestion[] = questions.map(({ question, gap, status, label }) => ({
      key: question.key,
      checklist: question.checklistId,
      question: question.id,
      text: question.text,
      status,
      label,
      compliance: round(1 - gap, 3),
      why: question.why ?? null,
      fix: question.fix ?? null,
    }));
    const weight = questions.reduce((sum, q) => sum + IMPACT_WEIGHT[q.question.impact!] * q.gap, 0);
    return {
      rank: i + 1,
      key: action.key,
      title: action.title,
      fix: action.fix ?? null,
      checklist: action.checklistId,
      stage: first.question.stage,
      owner: action.owner ?? first.question.owner ?? null,
      impact: entry.impact,
      effort: entry.effort,
      tier: tierOf(entry.impact, entry.effort),
      value: round(entry.value, 3),
      priority: round(entry.priority, 3),
      gain: total ? round((100 * weight) / total) : 0,
      after: action.after.filter((k) => open.has(k)),
      questions: closes,
    };
  });
}
