/** ANSI styling that is the identity function when colour is off. Small on purpose: it loads on every start. */
export interface Style {
  enabled: boolean;
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  cyan: (s: string) => string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const identity = (s: string) => s;

export function makeStyle(enabled: boolean): Style {
  if (!enabled) return { enabled, bold: identity, dim: identity, red: identity, yellow: identity, green: identity, cyan: identity };
  return { enabled, bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), cyan: wrap(36, 39) };
}
