import { writeFileAtomic } from '../../files/atomic-write.js';
import { EXIT, InputError } from '../../errors.js';
import type { CommandContext } from '../context.js';
import { existsSync } from 'node:fs';

/** The starter checklist: every key in use, each explained. It validates with no warnings (tested). */
const STARTER_CHECKLIST = `# A cx-audit checklist. Check it with: cx-audit validate <this file>
# Editors with the YAML language server can check it as you type: run
# \`cx-audit schema checklist > checklist.schema.json\`, then remove the
# first "# " of the next line.
# # yaml-language-server: $schema=./checklist.schema.json

id: my-checklist            # kebab-case, unique among the checklists you load together
title: My checklist         # the heading people see
version: 1.0.0              # raise it when you change questions
description: What this checklist covers, in a sentence or two.
stage: before-sale          # default journey stage: before-sale, during-sale or after-sale
owner: Customer service     # who owns the fixes, unless a question says otherwise

# Several questions can share one action: the report lists it once, with every question it closes.
actions:
  - id: test-order
    title: Place a test order and read every email it sends   # a short imperative, at most 70 characters
    fix: Order from your own shop with a private address, read each email on your phone, and fix what is unclear.
    owner: Operations

# What a business must have in place to reach a maturity stage (reactive, responsive, managed,
# proactive, customer-led), whatever its score. It rests on a question every business is asked.
capabilities:
  - id: fast-replies
    title: Customers get a real answer within a working day
    requiredFor: managed
    met: { question: answers-within-a-day, is: yes }

questions:
  # A yes-no question. "yes" means the good practice is in place.
  - id: answers-within-a-day
    text: Do you answer every customer email within one working day?
    type: yes-no
    kind: outcome           # outcome: customers are hurt today; practice (default): a habit; check: a self-check
    reach: some             # how many customers meet it: all, most (default), some or few
    impact: high            # what closing the gap is worth: critical, high, medium, low
    effort: low             # what closing it costs: low, medium, high
    stage: after-sale       # overrides the checklist's default
    title: Answer every customer email within one working day
    strength: Every customer email gets a real answer within a working day   # shown when the practice is in place
    why: A customer left waiting assumes nobody is listening and asks again elsewhere.
    fix: Set up a shared inbox with a daily owner, and reply the same day even if only to say when you will know more.

  # A scale question: 1 (not at all) to 5 (fully).
  - id: return-policy-clarity
    text: How easy is it for a first-time visitor to find your return policy before buying?
    type: scale
    markets: [eu, uk]       # asked only of businesses selling in one of these markets (eu, uk, us, other)
    impact: medium
    effort: low
    title: Link the return policy from every product page and the cart
    strength: Visitors find the return policy before they buy
    why: Buyers who cannot see how returns work hesitate, or buy and then feel misled.
    fix: Link the return policy from every product page and from the cart, in plain words.

  # A choice question: each choice scores from 0 (the gap) to 1 (best practice).
  - id: order-updates
    text: How do customers learn where their order is?
    type: choice
    appliesTo: [b2c, b2b]   # customer types it concerns; omit for all (b2c, b2b, c2c, b2g)
    channels: [web-shop]    # asked only of businesses running one of these channels
    needs: [ships-goods]    # profile facts that must hold: ships-goods, has-staff, solo, outside-support, business-buyers
    impact: high
    effort: medium
    stage: after-sale
    action: test-order      # closed by the shared action above; its title heads the report
    strength: Customers can follow every order from confirmation to tracking
    validFor: 6 months      # an answer older than this is stale: asked again, and counted as unknown
    choices:
      - { id: they-ask, label: They have to contact us, score: 0 }
      - { id: confirmation, label: An order confirmation only, score: 0.5 }
      - { id: tracking, label: Confirmation and a tracking link, score: 1 }
    why: Silence after payment is when buyers start to worry and to call.
    fix: Send a confirmation at once and a tracking link the day the parcel leaves.

  # Skip logic: asked only when the answer above was "they-ask" or "confirmation".
  - id: tracking-planned
    text: Could your shipping provider send tracking links automatically?
    type: yes-no
    when: { question: order-updates, in: [they-ask, confirmation] }
    impact: medium
    effort: low
    stage: after-sale
    title: Ask your carrier to send tracking links automatically
    after: [order-updates]  # do the order-updates fix (the test order) first
    strength: Tracking links go out automatically
    why: Most carriers can do this for free, so the gap costs trust for nothing.
    fix: Ask your carrier to switch on tracking emails, or add the tracking number to your shipping email.
    learnMore: [https://example.com/your-own-notes]
`;

/** `cx-audit init <file>`: writes the starter checklist; refuses to overwrite anything. */
export function initCommand(file: string, ctx: CommandContext): number {
  if (existsSync(file)) {
    throw new InputError(`${file} already exists; choose another name, or move it away first (cx-audit init never overwrites)`);
  }
  writeFileAtomic(file, STARTER_CHECKLIST, { overwrite: false });
  ctx.notice(`Wrote ${file}. Edit it, then check it with: cx-audit validate ${file}`);
  return EXIT.ok;
}
