import { spawn, type IPty } from 'node-pty';
import { stripVTControlCharacters } from 'node:util';
import { BIN } from './run-cli.js';

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', space: ' ', ctrlC: '\u0003' } as const;

/** The built bin in a real pseudo-terminal, with helpers to wait for text and type keys. */
export class Terminal {
  private readonly pty: IPty;
  private output = '';
  private seen = 0;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;

  constructor(args: string[], cwd: string, env: Record<string, string> = {}) {
    this.pty = spawn(process.execPath, [BIN, ...args], {
      name: 'xterm-256color',
      cols: 100,
      rows: 40,
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm-256color', NO_COLOR: '1', ...env },
    });
    this.pty.onData((d) => {
      this.output += d;
    });
    this.exited = new Promise((resolve) => this.pty.onExit(resolve));
  }

  /** Everything printed so far, exactly as the terminal received it. */
  raw(): string {
    return this.output;
  }

  /** Everything printed so far, without escape sequences. */
  text(): string {
    return stripVTControlCharacters(this.output);
  }

  /** Waits until `needle` appears after the last thing waited for. */
  async waitFor(needle: string, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    for (;;) {
      const text = this.text();
      const at = text.indexOf(needle, this.seen);
      if (at !== -1) {
        this.seen = at + needle.length;
        return;
      }
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${JSON.stringify(needle)}; screen so far:\n${text.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Sends bytes in one write, as a fast typist or a paste does. */
  write(bytes: string): void {
    this.pty.write(bytes);
  }

  async press(...keys: string[]): Promise<void> {
    for (const k of keys) {
      this.pty.write(k);
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  kill(): void {
    try {
      this.pty.kill();
    } catch {
      // already gone
    }
  }
}
