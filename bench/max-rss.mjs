// Preloaded with --import: reports the process's peak resident memory on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\nmax-rss-kb=${process.resourceUsage().maxRSS}\n`));
