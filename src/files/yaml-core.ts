import jsYaml from 'js-yaml';
import type { Place } from './diagnostic.js';
import { PARSER_MAX_DEPTH } from './limits.js';
import { LineIndex, skipBlank } from './text-place.js';

/**
 * YAML 1.2's core schema, exactly as the `yaml` package resolves it (its
 * schema/core tags, in the same order). js-yaml's own CORE_SCHEMA is wider
 * (it reads `0b1` and `1_000` as numbers) and narrower (it reads `+.5` as
 * text); with this one, what a plain scalar means never depends on which
 * parser read it. test/files/yaml-core.test.ts checks both agree.
 */
/** Whether a plain scalar can be a number at all: most are words, and skip the regular expressions. */
function numberLike(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
}

const INT = /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

export const CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new jsYaml.Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (s: string | null) => s === null || s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL',
      construct: () => null,
    }),
    new jsYaml.Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (s: string | null) => s === 'true' || s === 'True' || s === 'TRUE' || s === 'false' || s === 'False' || s === 'FALSE',
      construct: (s: string) => s[0] === 't' || s[0] === 'T',
    }),
    new jsYaml.Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (s: string | null) => s !== null && s.length > 0 && numberLike(s) && INT.test(s),
      construct: (s: string) => (s[1] === 'o' ? parseInt(s.substring(2), 8) : s[1] === 'x' ? parseInt(s.substring(2), 16) : parseInt(s, 10)),
    }),
    new jsYaml.Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (s: string | null) => s !== null && s.length > 0 && numberLike(s) && FLOAT.test(s),
      construct: (s: string) =>
        /^[-+]?\.inf$/i.test(s) ? (s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY) : /^\.nan$/i.test(s) ? NaN : parseFloat(s),
    }),
  ],
});

/** A YAML syntax error as js-yaml reports it: its reason and where it noticed. */
export interface CoreSyntaxError {
  reason: string;
  place: Place;
}

/** Parses one YAML document with the core schema: its data, or the first syntax error. */
export function loadCore(text: string): { ok: true; data: unknown } | { ok: false; error: CoreSyntaxError } {
  try {
    return { ok: true, data: jsYaml.load(text, { schema: CORE_SCHEMA, maxDepth: PARSER_MAX_DEPTH } as jsYaml.LoadOptions) };
  } catch (error) {
    if (error instanceof jsYaml.YAMLException) {
      const mark = error.mark as { line: number; column: number } | undefined;
      return { ok: false, error: { reason: error.reason, place: mark ? { line: mark.line + 1, column: mark.column + 1 } : { line: 1, column: 1 } } };
    }
    if (error instanceof RangeError) return { ok: false, error: { reason: 'nesting is too deep to read', place: { line: 1, column: 1 } } };
    throw error;
  }
}

/** A growable list of offsets or node numbers, kept in one typed array so that a million nodes make no garbage. */
class IntList {
  data = new Int32Array(1 << 12);
  length = 0;
  push(value: number): number {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    return this.length++;
  }
}

interface Shape {
  keys: Map<string, { key: number; value: number }>;
  items: number[];
}

/**
 * Where each value of a file sits, from js-yaml's open/close events: built
 * only when a diagnostic needs a place, from the text already read. Nodes
 * are numbered in the order they open; for each: where the parser started
 * looking for it (its start, or blanks before it), where it ended, and its
 * first child and next sibling.
 */
export class PlaceIndex {
  private readonly open = new IntList();
  private readonly close = new IntList();
  private readonly firstChild = new IntList();
  private readonly nextSibling = new IntList();
  private readonly shapes = new Map<number, Shape>();
  private lines: LineIndex | undefined;

  constructor(private readonly text: string) {
    const lastChild = new IntList();
    const stack: number[] = [];
    // Node 0 stands for the document; its first child is the root value.
    this.addNode(0, lastChild);
    stack.push(0);
    try {
      jsYaml.load(text, {
        schema: CORE_SCHEMA,
        maxDepth: PARSER_MAX_DEPTH,
        listener: (event: string, state: { position: number }) => {
          if (event === 'open') {
            const node = this.addNode(state.position, lastChild);
            const parent = stack[stack.length - 1]!;
            const last = lastChild.data[parent]!;
            if (last === -1) this.firstChild.data[parent] = node;
            else this.nextSibling.data[last] = node;
            lastChild.data[parent] = node;
            stack.push(node);
          } else {
            this.close.data[stack.pop()!] = state.position;
          }
        },
      } as jsYaml.LoadOptions);
    } catch {
      // Only files that parse get here; a failure leaves the places at the top.
    }
  }

  private addNode(position: number, lastChild: IntList): number {
    this.open.push(position);
    this.close.push(position);
    this.firstChild.push(-1);
    this.nextSibling.push(-1);
    return lastChild.push(-1);
  }

  private *children(node: number): Generator<number> {
    for (let c = this.firstChild.data[node]!; c !== -1; c = this.nextSibling.data[c]!) yield c;
  }

  private start(node: number): number {
    return skipBlank(this.text, this.open.data[node]!);
  }

  /** A key is followed, on its own line, by a colon. */
  private isKey(node: number): boolean {
    let i = this.close.data[node]!;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    return this.text[i] === ':' && this.close.data[node]! > this.start(node);
  }

  /** The key text of a key node, unquoted. */
  private keyText(node: number): string {
    const raw = this.text.slice(this.start(node), this.close.data[node]).trimEnd();
    if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.endsWith(raw[0])) {
      try {
        return String(jsYaml.load(raw, { schema: CORE_SCHEMA }));
      } catch {
        return raw.slice(1, -1);
      }
    }
    return raw;
  }

  /**
   * The node itself, when js-yaml wrapped it: a flow collection in a block
   * list is first read as a candidate key, giving a node with one child
   * that spans the same text.
   */
  private content(node: number): number {
    let n = node;
    for (;;) {
      const only = this.firstChild.data[n]!;
      if (only === -1 || this.nextSibling.data[only] !== -1) break;
      if (this.close.data[only] !== this.close.data[n] || this.start(only) !== this.start(n) || this.isKey(only)) break;
      n = only;
    }
    return n;
  }

  /** A node's children as keys (with their values) and list items, worked out once per node. */
  private shape(node: number): Shape {
    let shape = this.shapes.get(node);
    if (shape) return shape;
    shape = { keys: new Map(), items: [] };
    const children = [...this.children(node)];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (this.isKey(child)) {
        const next = children[i + 1];
        const value = next !== undefined && !this.isKey(next) ? next : -1;
        // A later duplicate wins, as it does in the data.
        shape.keys.set(this.keyText(child), { key: child, value });
        if (value !== -1) i++;
      } else if (this.close.data[child]! > this.start(child)) {
        shape.items.push(child);
      }
    }
    this.shapes.set(node, shape);
    return shape;
  }

  /** Where the value (or, with `key`, the key) at a data path starts. */
  placeOf(path: readonly (string | number)[], options: { key?: boolean } = {}): Place {
    let node = this.firstChild.data[0]!;
    let keyNode = -1;
    for (const segment of path) {
      if (node === -1 || this.firstChild.data[node] === -1) break;
      const shape = this.shape(this.content(node));
      const pair = shape.keys.get(String(segment));
      if (pair) {
        keyNode = pair.key;
        node = pair.value;
        if (node === -1) break;
        continue;
      }
      const item = typeof segment === 'number' ? shape.items[segment] : undefined;
      if (item === undefined) break;
      keyNode = -1;
      node = item;
    }
    const target = options.key && keyNode !== -1 ? keyNode : node !== -1 ? node : keyNode;
    return (this.lines ??= new LineIndex(this.text)).placeAt(target === -1 ? 0 : this.start(target));
  }
}
