// The floor for `cx-audit validate`: start Node, import yaml, parse the files.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

for (const file of process.argv.slice(2)) parse(readFileSync(file, 'utf8'));
