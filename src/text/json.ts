// JSON.stringify escapes C0 controls but not DEL, C1 controls or bidirectional
// overrides, which some terminals act on. Escaping them too keeps the same
// data and makes JSON safe to print.
const UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `JSON.stringify(value, null, 2)`, safe to print on a terminal. */
export function stringifySafe(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
