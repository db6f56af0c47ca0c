import { basename, extname } from 'node:path';
import type { AnswerRecord, Answers, Profile } from '../answers/model.js';
import { IMPACT_WEIGHT, round } from '../audit/model.js';
import type { LoadedChecklist, Question } from '../checklist/model.js';
import { NOT_APPLICABLE, UNSURE } from '../checklist/vocabulary.js';
import type { Disagreement, Report, TeamResult } from '../generated/report.js';
import { kindOf } from '../questions/index.js';
import { consensus, type Vote } from './consensus.js';

/** One person's answers file. */
export interface Member {
  file: string;
  answers: Answers;
}

/** Who answered a file: its respondent, or its file name. */
function memberName(member: Member): string {
  return member.answers.respondent?.name ?? basename(member.file, extname(member.file));
}

/**
 * Why these files cannot make one team audit, if they cannot: different
 * clients, or answers given for different versions of a checklist. Each
 * problem names the files.
 */
export function teamProblems(members: readonly Member[]): string[] {
  const problems: string[] = [];
  const clients = new Map<string, string[]>();
  for (const m of members) {
    const client = m.answers.client?.trim();
    if (!client) continue;
    const known = [...clients.keys()].find((c) => c.toLowerCase() === client.toLowerCase()) ?? client;
    clients.set(known, [...(clients.get(known) ?? []), m.file]);
  }
  if (clients.size > 1) problems.push(`they are answers for different clients: ${[...clients].map(([c, files]) => `"${c}" (${files.join(', ')})`).join('; ')}`);
  const versions = new Map<string, Map<string, string[]>>();
  for (const m of members) {
    for (const [id, stamp] of m.answers.checklists) {
      const byVersion = versions.get(id) ?? new Map<string, string[]>();
      byVersion.set(stamp.version, [...(byVersion.get(stamp.version) ?? []), m.file]);
      versions.set(id, byVersion);
    }
  }
  for (const [id, byVersion] of versions) {
    if (byVersion.size > 1) {
      problems.push(`they answer different versions of checklist ${id}: ${[...byVersion].map(([v, files]) => `${v} (${files.join(', ')})`).join('; ')}`);
    }
  }
  const names = new Map<string, string[]>();
  for (const m of members) names.set(memberName(m), [...(names.get(memberName(m)) ?? []), m.file]);
  for (const [name, files] of names)
    if (files.length > 1) problems.push(`"${name}" answered more than one of them (${files.join(', ')}); give each person one file`);
  return problems;
}

/** The profile of the team: every customer type, channel and market anyone named, and a fact true if anyone said so. */
function teamProfile(members: readonly Member[]): Profile | undefined {
  const profiles = members.map((m) => m.answers.profile).filter((p): p is Profile => p !== undefined);
  if (!profiles.length) return undefined;
  const union = <T>(pick: (p: Profile) => T[] | undefined) => {
    const lists = profiles.map(pick).filter((l): l is T[] => l !== undefined);
    return lists.length ? [...new Set(lists.flat())] : undefined;
  };
  const any = (pick: (p: Profile) => boolean | undefined) => {
    const facts = profiles.map(pick).filter((f): f is boolean => f !== undefined);
    return facts.length ? facts.includes(true) : undefined;
  };
  const profile: Profile = {};
  const set = <K extends keyof Profile>(key: K, value: Profile[K] | undefined) => {
    if (value !== undefined) profile[key] = value;
  };
  set(
    'customerTypes',
    union((p) => p.customerTypes),
  );
  set(
    'soleProprietors',
    any((p) => p.soleProprietors),
  );
  set(
    'channels',
    union((p) => p.channels),
  );
  set(
    'shipsGoods',
    any((p) => p.shipsGoods),
  );
  set(
    'hasStaff',
    any((p) => p.hasStaff),
  );
  set(
    'outsideSupport',
    any((p) => p.outsideSupport),
  );
  set(
    'markets',
    union((p) => p.markets),
  );
  return profile;
}

export interface Team {
  members: Member[];
  /** The agreed answers: an ordinary answers file, with every vote kept beside its answer. */
  agreed: Answers;
  /** Keys of the questions the team disagrees on. */
  disputed: Set<string>;
}

/** One answers file from several: per question, the consensus of everyone who answered it (team/consensus.ts). */
export function combine(members: readonly Member[], checklists: readonly LoadedChecklist[]): Team {
  const first = members[0]!.answers;
  const agreed: Answers = {
    ...(members.find((m) => m.answers.client)?.answers.client ? { client: members.find((m) => m.answers.client)!.answers.client! } : {}),
    ...(first.auditor ? { auditor: first.auditor } : {}),
    ...(teamProfile(members) ? { profile: teamProfile(members)! } : {}),
    checklists: new Map(first.checklists),
    answers: new Map(),
  };
  const disputed = new Set<string>();
  for (const question of checklists.flatMap((c) => c.questions)) {
    const votes: Vote[] = members.flatMap((m) => {
      const record = m.answers.answers.get(question.key);
      return record ? [{ respondent: memberName(m), record }] : [];
    });
    const agreement = consensus(question, votes);
    if (!agreement) continue;
    const record: AnswerRecord = {
      answer: agreement.answer,
      ...(agreement.disputed ? { disputed: true } : {}),
      votes: votes.map((v) => ({ respondent: v.respondent, answer: v.record.answer, ...(v.record.note ? { note: v.record.note } : {}) })),
    };
    const latest = votes
      .map((v) => v.record.at)
      .filter((t): t is string => t !== undefined)
      .sort()
      .at(-1);
    if (latest) record.at = latest;
    agreed.answers.set(question.key, record);
    if (agreement.disputed) disputed.add(question.key);
  }
  return { members: [...members], agreed, disputed };
}

/** How a person's answer reads in the report. */
function labelOf(question: Question, value: AnswerRecord['answer']): string {
  if (value === NOT_APPLICABLE) return 'Not applicable';
  if (value === UNSURE) return 'Unsure';
  return kindOf(question).label(question, value);
}

/**
 * The team part of a report: who answered, and each question they disagree
 * on, with who answered what and the points at stake: how far the score's
 * low end moves between the most and the least favourable answer given,
 * weight × (best − worst compliance) ÷ the weight of every question that
 * applies. The biggest disagreements come first.
 */
export function teamResult(team: Team, report: Report, checklists: readonly LoadedChecklist[]): TeamResult {
  const questions = new Map(checklists.flatMap((c) => c.questions.map((q) => [q.key, q])));
  const applies = new Map(report.answers.map((a) => [a.key, a]));
  const total = report.answers.reduce((sum, a) => {
    const q = questions.get(a.key);
    return q?.impact && (a.status === 'answered' || a.status === 'closed' || a.status === 'unsure' || a.status === 'unanswered' || a.status === 'stale')
      ? sum + IMPACT_WEIGHT[q.impact]
      : sum;
  }, 0);
  const found: { d: Disagreement; order: number }[] = [];
  let order = 0;
  for (const [key, q] of questions) {
    order++;
    if (!team.disputed.has(key) || !applies.has(key)) continue;
    const record = team.agreed.answers.get(key)!;
    const scores = (record.votes ?? []).map((v) => kindOf(q).compliance(q, v.answer)).filter((c): c is number => c !== null && c !== undefined);
    const stake = q.impact && total && scores.length ? round((100 * IMPACT_WEIGHT[q.impact] * (Math.max(...scores) - Math.min(...scores))) / total) : 0;
    found.push({
      order,
      d: {
        key,
        checklist: q.checklistId,
        question: q.id,
        text: q.text,
        agreed: { answer: record.answer, label: labelOf(q, record.answer) },
        stake,
        answers: (record.votes ?? []).map((v) => ({ respondent: v.respondent, answer: v.answer, label: labelOf(q, v.answer), note: v.note ?? null })),
      },
    });
  }
  const disagreements = found.sort((a, b) => b.d.stake - a.d.stake || a.order - b.order).map(({ d }) => d);
  return {
    respondents: team.members.map((m) => ({
      name: memberName(m),
      role: m.answers.respondent?.role ?? null,
      file: m.file,
      answered: m.answers.answers.size,
      answers: Object.fromEntries([...m.answers.answers].map(([k, r]) => [k, r.answer])),
    })),
    disagreements,
  };
}
