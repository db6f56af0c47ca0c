import { existsSync } from 'node:fs';
import { answersSkeleton } from '../../answers/skeleton.js';
import { EXIT, InputError } from '../../errors.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import type { CommandContext } from '../context.js';
import { checklistsForRun } from '../inputs.js';
import { profileFromFlags, type ProfileFlags } from '../profile-flags.js';

export interface AnswersInitOptions extends ProfileFlags {
  client?: string;
  auditor?: string;
}

/**
 * `cx-audit answers init <file> [checklist...]`: an answers file to fill in
 * by hand, with every question the profile can be asked. Never overwrites.
 */
export async function answersInitCommand(file: string, checklistFiles: string[], options: AnswersInitOptions, ctx: CommandContext): Promise<number> {
  if (existsSync(file)) throw new InputError(`${file} already exists; choose another name, or move it away first (cx-audit answers init never overwrites)`);
  const profile = profileFromFlags(options);
  const checklists = await checklistsForRun(checklistFiles, ctx);
  const text = answersSkeleton(checklists, { profile, client: options.client, auditor: options.auditor });
  writeFileAtomic(file, text, { overwrite: false });
  const count = (text.match(/^ {4}answer:$/gm) ?? []).length;
  ctx.notice(
    `Wrote ${file} with ${count} questions to answer. Fill in each "answer:", then run: cx-audit report ${file}${checklistFiles.length ? ` ${checklistFiles.join(' ')}` : ''}`,
  );
  return EXIT.ok;
}
