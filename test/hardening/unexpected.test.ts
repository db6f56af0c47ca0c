import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { Capture } from '../helpers/run-cli.js';

/** An stdout that breaks, standing in for any bug cx-audit did not foresee. */
async function runWithBrokenStdout(env: Record<string, string>) {
  const stderr = new Capture();
  const stdout = {
    write(): boolean {
      throw new TypeError('the pipe is on fire');
    },
  };
  const code = await run(['validate', 'test/fixtures/checklists/shop.yaml'], { stdout, stderr, stdin: new PassThrough(), env });
  return { code, stderr: stderr.text };
}

describe('an unexpected error', () => {
  it('prints one line and where to report it, exit 2, no stack trace', async () => {
    const { code, stderr } = await runWithBrokenStdout({});
    expect(code).toBe(2);
    expect(stderr).toBe(
      'cx-audit: unexpected error: the pipe is on fire\n' +
        'This is a bug in cx-audit. Please report it at https://github.com/cx-audit/cx-audit/issues with the command you ran; CX_AUDIT_DEBUG=1 shows the details.\n',
    );
  });

  it('shows the stack trace with CX_AUDIT_DEBUG=1', async () => {
    const { code, stderr } = await runWithBrokenStdout({ CX_AUDIT_DEBUG: '1' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cx-audit: unexpected error: the pipe is on fire\nTypeError: the pipe is on fire\n\s+at /);
  });
});
