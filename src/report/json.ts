import type { Report } from '../generated/report.js';
import { stringifySafe as stringify } from '../text/json.js';

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

/**
 * The report as data, as `JSON.stringify(report, null, 2)` writes it (with
 * terminal-unsafe characters escaped), but in
 * pieces: one per answer and fix, so a report on 20,000 questions is written
 * without first being built as one huge string.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  const entries: [string, unknown][] = Object.entries(report);
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let j = 0; j < value.length; j++) {
        yield `    ${indent(stringify(value[j]), '    ')}${j < value.length - 1 ? ',' : ''}\n`;
      }
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indent(stringify(value), '  ')}${comma}\n`;
    }
  }
  yield '}\n';
}

/** The report as one JSON string. */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}
