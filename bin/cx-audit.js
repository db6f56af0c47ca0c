#!/usr/bin/env node
'use strict';
// The launcher, CommonJS on purpose (bin/package.json): `cx-audit --version`
// is answered before Node's ES module loader starts, so it costs no more
// than Node itself. Everything else runs the CLI in dist/.
// The only place that touches `process` for signals and the exit code.

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  // Ctrl-C at a prompt arrives as a keypress; SIGINT/SIGTERM elsewhere, and
  // SIGHUP when the terminal closes, abort the running command, which exits
  // 130 and frees its answers file. If it does not stop promptly, leave
  // anyway: every answer is already on disk.
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    setTimeout(() => process.exit(130), 2000).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  // A reader that leaves early (`cx-audit report … | head -1`) closes the
  // pipe, and a closed terminal fails writes with EIO: what is left to write
  // goes nowhere, quietly, and the command ends as if it had been read.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (!['EPIPE', 'EIO', 'ERR_STREAM_DESTROYED'].includes(error.code)) throw error;
    });
  }

  import('../dist/cli.js').then(
    async ({ run }) => {
      const code = await run(argv, {
        stdout: process.stdout,
        stderr: process.stderr,
        stdin: process.stdin,
        env: process.env,
        signal: controller.signal,
      });
      process.exitCode = controller.signal.aborted ? 130 : code;
      // A read from a pipe nobody writes to may still hold the event loop open.
      if (controller.signal.aborted) setImmediate(() => process.exit(130));
    },
    (error) => {
      // dist/ is missing or broken: a clone that was never built, most often.
      process.stderr.write(`cx-audit: cannot start: ${error.message}\nIn a clone of the repository, run \`npm install\` first (it builds dist/).\n`);
      process.exitCode = 2;
    },
  );
}
