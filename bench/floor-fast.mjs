#!/usr/bin/env node
// The floor for the scale cases: start Node, import js-yaml (the parser
// cx-audit reads valid files with) and parse the files given, nothing else.
// cx-audit's time on the same files, in the same run, is compared with it.
import { readFileSync } from 'node:fs';
import jsYaml from 'js-yaml';

for (const file of process.argv.slice(2)) jsYaml.load(readFileSync(file, 'utf8'));
