// Fingerprints of the seed articles (../shared/seeds/*.txt): hashes of every
// run of 7 words, written to test/fixtures/seed-fingerprints.txt. The test
// that checks no checklist sentence is copied from the seeds reads only these
// hashes, so no article text is stored in the repository.
//   npx tsx scripts/seed-fingerprints.ts [seeds-folder]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SHINGLE = 7;

export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’']/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export function fingerprints(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) {
    out.add(
      createHash('sha256')
        .update(w.slice(i, i + SHINGLE).join(' '))
        .digest('hex')
        .slice(0, 16),
    );
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? new URL('../../shared/seeds/', import.meta.url).pathname;
  const all = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    for (const h of fingerprints(readFileSync(join(dir, file), 'utf8'))) all.add(h);
  }
  writeFileSync(new URL('../test/fixtures/seed-fingerprints.txt', import.meta.url), `${[...all].sort().join('\n')}\n`);
  console.error(`${all.size} fingerprints from ${dir}`);
}
