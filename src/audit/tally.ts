import { isScored } from '../checklist/model.js';
import type { Coverage, Score } from '../generated/report.js';
import type { Evaluated } from './evaluate.js';
import { IMPACT_WEIGHT, round } from './model.js';

/**
 * Sums that make a score and its coverage. Over the scored questions that
 * apply: the low end counts every unknown (unsure, unanswered, stale) as not
 * done, the high end as done; `value` is the score over what is known.
 * Closed follow-ups count as not done in all three.
 */
export class Tally {
  private low = 0;
  private high = 0;
  private possible = 0;
  private knownEarned = 0;
  private known = 0;
  private answeredWeight = 0;
  readonly coverage: Coverage = { applicable: 0, answered: 0, notApplicable: 0, unsure: 0, unanswered: 0, stale: 0, closed: 0 };

  add({ question, state, hidden }: Evaluated): void {
    if (hidden) return;
    const c = this.coverage;
    c.applicable++;
    if (state.status === 'answered') c.answered++;
    else if (state.status === 'not-applicable') c.notApplicable++;
    else c[state.status]++;
    if (!isScored(question) || !question.impact) return;
    const weight = IMPACT_WEIGHT[question.impact];
    switch (state.status) {
      case 'answered': {
        const earned = weight * (state.compliance ?? 0);
        this.low += earned;
        this.high += earned;
        this.knownEarned += earned;
        this.possible += weight;
        this.known += weight;
        this.answeredWeight += weight;
        break;
      }
      case 'closed':
        this.possible += weight;
        this.known += weight;
        break;
      case 'unsure':
      case 'unanswered':
      case 'stale':
        this.high += weight;
        this.possible += weight;
        break;
      case 'not-applicable':
        break;
    }
  }

  /** The denominator of the low end: every scored weight that applies. */
  get total(): number {
    return this.possible;
  }

  /** The earned weight at the low end, for projections. */
  get earnedLow(): number {
    return this.low;
  }

  /** No score at all until some scored question is answered. */
  score(): Score {
    if (this.answeredWeight === 0 || this.possible === 0) return { value: null, low: null, high: null, provisional: this.possible > 0 };
    return {
      value: round((100 * this.knownEarned) / this.known),
      low: round((100 * this.low) / this.possible),
      high: round((100 * this.high) / this.possible),
      provisional: this.known < this.possible,
    };
  }
}
