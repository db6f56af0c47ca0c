import { existsSync } from 'node:fs';
import { serializeAnswers } from '../../answers/serialize.js';
import { EXIT, InputError, UsageError } from '../../errors.js';
import { planOutput, writeOutput } from '../../files/output.js';
import { combine, teamProblems } from '../../team/team.js';
import type { CommandContext } from '../context.js';
import { answersForRun, checklistsForRun, protectedInputs, resumeCommand } from '../inputs.js';
import { isAnswersFile } from './report.js';

export interface MergeOptions {
  output?: string;
}

/**
 * `cx-audit merge <answers-file...> [checklist...] -o agreed.yaml`: one
 * answers file with the team's agreed answers (team/consensus.ts), every
 * person's answer kept beside each, and the disputed questions marked for
 * `--resolve`. Never overwrites a file.
 */
export async function mergeCommand(files: string[], options: MergeOptions, ctx: CommandContext): Promise<number> {
  const members = files.filter(isAnswersFile);
  const checklistFiles = files.filter((f) => !members.includes(f));
  if (members.length < 2)
    throw new UsageError(`merge takes the answers files of two or more people, not ${members.length}; for one person's answers, use the file as it is`);
  const target = planOutput(options.output, protectedInputs({ answers: members, checklists: checklistFiles }, ctx.config));
  // The merged file is where disputes get decided (--resolve): merging again over it would lose the decisions.
  if (target.kind === 'file' && existsSync(target.target)) {
    throw new InputError(
      `${target.path} already exists, and may hold decisions made with --resolve; choose another name, or move it away first (merge never overwrites)`,
    );
  }
  const checklists = await checklistsForRun(checklistFiles, ctx);
  const loaded = [];
  for (const file of members) loaded.push({ file, ...(await answersForRun(file, checklists, ctx, { missing: 'error' })) });
  const problems = teamProblems(loaded);
  if (problems.length) throw new InputError('cannot merge these answers files:', { details: problems.map((p) => `  ${p}`) });
  const team = combine(loaded, checklists);
  for (const c of checklists) team.agreed.checklists.set(c.id, { version: c.version, hash: c.hash });
  await writeOutput(target, [serializeAnswers(team.agreed, checklists)], ctx.io.stdout, ctx.io.signal);
  const where = target.kind === 'stdout' ? 'the merged file' : target.path;
  const n = team.disputed.size;
  ctx.notice(
    `Agreed answers of ${members.length} people written${target.kind === 'stdout' ? '' : ` to ${target.path}`}. ${
      n
        ? `They disagree on ${n} question${n === 1 ? '' : 's'}; the file holds the more cautious answer for now. Run \`${resumeCommand(checklistFiles, where)} --resolve\` to decide ${n === 1 ? 'it' : 'them'}.`
        : 'They agree on every question.'
    }`,
  );
  return EXIT.ok;
}
