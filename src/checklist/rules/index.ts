import { duplicateActionId, longTitle, missingTitle, titleAndAction, unknownAction, unusedAction } from './actions.js';
import { afterCycle, unknownAfter } from './after.js';
import { capabilityScope } from './capability-scope.js';
import { choiceScoreRange } from './choice-score-range.js';
import { choicesMatchType } from './choices-match-type.js';
import { conditionShape } from './condition-shape.js';
import type { ChecklistRule } from './context.js';
import { duplicateChoiceId } from './duplicate-choice-id.js';
import { duplicateQuestionId } from './duplicate-question-id.js';
import { forwardReference } from './forward-reference.js';
import { impossibleConditionValue } from './impossible-condition-value.js';
import { missingFix, missingWhy } from './missing-advice.js';
import { missingStage } from './missing-stage.js';
import { noFullScore } from './no-full-score.js';
import { unknownChannel } from './unknown-channel.js';
import { unknownCustomerType } from './unknown-customer-type.js';
import { unknownReference } from './unknown-reference.js';
import { unscoredFields } from './unscored-fields.js';
import { whenCycle } from './when-cycle.js';

export type { ChecklistRule, RuleContext } from './context.js';

/** Semantic rules, run in this order after the schema pass. Cross-file rules live in load.ts. */
export const RULES: readonly ChecklistRule[] = [
  duplicateQuestionId,
  duplicateChoiceId,
  choicesMatchType,
  choiceScoreRange,
  conditionShape,
  unknownReference,
  whenCycle,
  forwardReference,
  impossibleConditionValue,
  unknownCustomerType,
  unknownChannel,
  missingStage,
  missingWhy,
  missingFix,
  noFullScore,
  unscoredFields,
  unknownAction,
  titleAndAction,
  duplicateActionId,
  unknownAfter,
  afterCycle,
  missingTitle,
  longTitle,
  unusedAction,
  capabilityScope,
];
