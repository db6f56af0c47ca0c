#!/usr/bin/env node
// The launcher: the only place that touches `process` for signals and the exit code.
import { run } from '../dist/cli/main.js';

// Ctrl-C at a prompt arrives as a keypress; SIGINT/SIGTERM elsewhere abort the
// running command, which saves nothing half-done and exits 130. If it does not
// stop promptly, leave anyway: every answer is already on disk.
const controller = new AbortController();
const onSignal = () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
  setTimeout(() => process.exit(130), 2000).unref();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: controller.signal,
});
process.exitCode = controller.signal.aborted ? 130 : code;
