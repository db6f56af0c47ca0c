import { createHash } from 'node:crypto';

/**
 * `sha256-` and 16 hex digits of a file's text, line endings normalized, so a
 * report says exactly which checklist text it was scored with.
 */
export function contentHash(text: string): string {
  return `sha256-${createHash('sha256')
    .update(text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text)
    .digest('hex')
    .slice(0, 16)}`;
}
