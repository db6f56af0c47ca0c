import jsYaml from 'js-yaml';
import type { Place } from './diagnostic.js';
import { PARSER_MAX_DEPTH } from './limits.js';
import { placeAtOffset, skipBlank } from './text-place.js';

/**
 * YAML 1.2's core schema, exactly as the `yaml` package resolves it (its
 * schema/core tags, in the same order). js-yaml's own CORE_SCHEMA is wider
 * (it reads `0b1` and `1_000` as numbers) and narrower (it reads `+.5` as
 * text); with this one, what a plain scalar means never depends on which
 * parser read it. test/files/yaml-core.test.ts checks both agree.
 */
/** One js-yaml type per tag (js-yaml keeps only the last type of a tag), trying yaml's forms in yaml's order. */
const scalar = (tag: string, forms: [RegExp, (s: string) => unknown][]) =>
  new jsYaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: string | null) => s !== null && forms.some(([test]) => test.test(s)),
    construct: (s: string) => forms.find(([test]) => test.test(s))![1](s),
  });

export const CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new jsYaml.Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (s: string | null) => s === null || /^(?:~|[Nn]ull|NULL)?$/.test(s),
      construct: () => null,
    }),
    scalar('bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']]),
    scalar('int', [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ]),
    scalar('float', [
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
    ]),
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

/** A parsed node and where it sits in the text. */
interface Frame {
  /** Offset where the parser started looking for the node: its start, or blanks before it. */
  open: number;
  /** Offset just after the node. */
  close: number;
  children: Frame[] | undefined;
}

/**
 * Where each value of a file sits, from js-yaml's open/close events: built
 * only when a diagnostic needs a place, from the text already read.
 */
export class PlaceIndex {
  private readonly root: Frame | undefined;
  private readonly shapes = new WeakMap<Frame, Shape>();

  constructor(private readonly text: string) {
    const stack: Frame[] = [{ open: 0, close: 0, children: undefined }];
    try {
      jsYaml.load(text, {
        schema: CORE_SCHEMA,
        maxDepth: PARSER_MAX_DEPTH,
        listener: (event: string, state: { position: number }) => {
          if (event === 'open') stack.push({ open: state.position, close: state.position, children: undefined });
          else {
            const frame = stack.pop()!;
            frame.close = state.position;
            (stack[stack.length - 1]!.children ??= []).push(frame);
          }
        },
      } as jsYaml.LoadOptions);
    } catch {
      // Only files that parse get here; a failure leaves the places at the top.
    }
    this.root = stack[0]!.children?.[0];
  }

  private start(frame: Frame): number {
    return skipBlank(this.text, frame.open);
  }

  /** A key is followed, on its own line, by a colon. */
  private isKey(frame: Frame): boolean {
    let i = frame.close;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    return this.text[i] === ':' && frame.close > this.start(frame);
  }

  /** The key text of a key frame, unquoted. */
  private keyText(frame: Frame): string {
    const raw = this.text.slice(this.start(frame), frame.close).trimEnd();
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
   * list is first read as a candidate key, giving a frame with one child
   * that spans the same text.
   */
  private content(frame: Frame): Frame {
    let f = frame;
    while (f.children?.length === 1) {
      const only = f.children[0]!;
      if (only.close !== f.close || this.start(only) !== this.start(f) || this.isKey(only)) break;
      f = only;
    }
    return f;
  }

  /** A node's children as keys (with their values) and list items, worked out once per node. */
  private shape(frame: Frame): Shape {
    let shape = this.shapes.get(frame);
    if (shape) return shape;
    shape = { keys: new Map(), items: [] };
    const children = frame.children ?? [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (this.isKey(child)) {
        const next = children[i + 1];
        const value = next && !this.isKey(next) ? next : undefined;
        // A later duplicate wins, as it does in the data.
        shape.keys.set(this.keyText(child), { key: child, value });
        if (value) i++;
      } else if (child.close > this.start(child)) {
        shape.items.push(child);
      }
    }
    this.shapes.set(frame, shape);
    return shape;
  }

  /** Where the value (or, with `key`, the key) at a data path starts. */
  placeOf(path: readonly (string | number)[], options: { key?: boolean } = {}): Place {
    let frame = this.root;
    let keyFrame: Frame | undefined;
    for (const segment of path) {
      if (!frame?.children) break;
      const shape = this.shape(this.content(frame));
      const pair = shape.keys.get(String(segment));
      if (pair) {
        keyFrame = pair.key;
        frame = pair.value;
        if (!frame) break;
        continue;
      }
      const item = typeof segment === 'number' ? shape.items[segment] : undefined;
      if (!item) break;
      keyFrame = undefined;
      frame = item;
    }
    const target = options.key && keyFrame ? keyFrame : (frame ?? keyFrame);
    return placeAtOffset(this.text, target ? this.start(target) : 0);
  }
}

interface Shape {
  keys: Map<string, { key: Frame; value: Frame | undefined }>;
  items: Frame[];
}
