import fc from 'fast-check';
import { JOURNEY_STAGES, JOURNEY_TRANSITIONS, type JourneyFacts, type JourneyStage, type JourneyThresholds, nextStage, validateJourneyThresholds } from './journey';

const T: JourneyThresholds = { activeMinPurchases: 2, atRiskAfterDays: 60, lapsedAfterDays: 120, churnedAfterDays: 365 };

const facts = (purchaseCount: number, daysSinceLastPurchase: number | null, purchasedJustNow = false, enrolled = true): JourneyFacts => ({
  enrolled,
  purchaseCount,
  daysSinceLastPurchase,
  purchasedJustNow,
});
/** A purchase just made: the count includes it and the last purchase is today. */
const purchase = (purchaseCount: number) => facts(purchaseCount, 0, true);

const thresholdsArb: fc.Arbitrary<JourneyThresholds> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 300 }))
  .map(([activeMinPurchases, atRisk, lapsedGap, churnedGap]) => ({
    activeMinPurchases,
    atRiskAfterDays: atRisk,
    lapsedAfterDays: atRisk + lapsedGap,
    churnedAfterDays: atRisk + lapsedGap + churnedGap,
  }));
const stageArb = fc.constantFrom(...JOURNEY_STAGES);
/** Facts as the daily job sees them (no purchase event). */
const dailyFactsArb: fc.Arbitrary<JourneyFacts> = fc.record({
  enrolled: fc.boolean(),
  purchaseCount: fc.nat(10),
  daysSinceLastPurchase: fc.option(fc.nat(800), { nil: null, freq: 8 }),
  purchasedJustNow: fc.constant(false),
});
/** Facts on a purchase event: consistent (count ≥ 1, last purchase today). */
const purchaseFactsArb: fc.Arbitrary<JourneyFacts> = fc.nat(10).map((n) => purchase(n + 1));
const anyFactsArb = fc.oneof(dailyFactsArb, purchaseFactsArb);

describe('validateJourneyThresholds', () => {
  it('accepts sensible thresholds', () => {
    expect(validateJourneyThresholds(T)).toEqual([]);
    fc.assert(fc.property(thresholdsArb, (t) => expect(validateJourneyThresholds(t)).toEqual([])));
  });

  it.each<[string, Partial<JourneyThresholds>, RegExp]>([
    ['zero purchases to be active', { activeMinPurchases: 0 }, /activeMinPurchases/],
    ['fractional days', { atRiskAfterDays: 1.5 }, /atRiskAfterDays/],
    ['zero days', { atRiskAfterDays: 0 }, /atRiskAfterDays/],
    ['lapsed before at risk', { lapsedAfterDays: 30 }, /must grow/],
    ['churned equal to lapsed', { churnedAfterDays: 120 }, /must grow/],
    ['absurd days', { churnedAfterDays: 1e9 }, /churnedAfterDays/],
  ])('rejects %s', (_, change, message) => {
    expect(validateJourneyThresholds({ ...T, ...change })).toEqual([expect.stringMatching(message)]);
  });
});

describe('nextStage', () => {
  it.each<[JourneyStage, JourneyFacts, JourneyStage]>([
    ['prospect', facts(0, null, false, false), 'prospect'],
    ['prospect', facts(0, null), 'enrolled'],
    ['prospect', purchase(1), 'first-purchase'],
    ['prospect', facts(12, 10), 'active'], // an imported customer base
    ['prospect', facts(12, 200), 'lapsed'],
    ['prospect', facts(12, 500), 'churned'],
    ['enrolled', facts(0, null), 'enrolled'],
    ['enrolled', purchase(1), 'first-purchase'],
    ['enrolled', facts(1, 80), 'at-risk'],
    ['first-purchase', facts(1, 30), 'first-purchase'],
    ['first-purchase', purchase(2), 'active'],
    ['first-purchase', facts(1, 60), 'at-risk'],
    ['active', facts(5, 59), 'active'],
    ['active', facts(5, 60), 'at-risk'],
    ['active', facts(5, 120), 'lapsed'], // the daily job missed days: stages may be skipped
    ['active', facts(5, 365), 'churned'],
    ['active', purchase(6), 'active'],
    ['active', facts(5, null), 'active'], // purchases returned: nothing to measure, stay
    ['at-risk', facts(5, 100), 'at-risk'],
    ['at-risk', facts(5, 120), 'lapsed'],
    ['at-risk', purchase(6), 'won-back'],
    ['at-risk', facts(6, 3), 'won-back'], // the daily job sees a purchase whose event was missed
    ['lapsed', facts(5, 364), 'lapsed'],
    ['lapsed', facts(5, 90), 'lapsed'], // never back to at-risk without a purchase
    ['lapsed', facts(5, 365), 'churned'],
    ['lapsed', purchase(6), 'won-back'],
    ['churned', facts(5, 900), 'churned'],
    ['churned', purchase(6), 'won-back'],
    ['won-back', facts(6, 10), 'won-back'],
    ['won-back', purchase(7), 'active'],
    ['won-back', facts(6, 60), 'at-risk'],
    ['won-back', facts(6, 400), 'churned'],
    ['active', facts(5, 60, false, false), 'at-risk'], // enrolment is irreversible
  ])('%s + %j → %s', (current, f, next) => {
    expect(nextStage(current, f, T)).toBe(next);
  });

  it('with activeMinPurchases 1 a first purchase makes a member active', () => {
    expect(nextStage('enrolled', purchase(1), { ...T, activeMinPurchases: 1 })).toBe('active');
  });

  it('every move is in the transition table', () => {
    fc.assert(
      fc.property(stageArb, anyFactsArb, thresholdsArb, (current, f, t) => {
        expect(JOURNEY_TRANSITIONS[current]).toContain(nextStage(current, f, t));
      }),
    );
  });

  it('the daily job is idempotent: deciding twice on the same facts changes nothing more', () => {
    fc.assert(
      fc.property(stageArb, dailyFactsArb, thresholdsArb, (current, f, t) => {
        const once = nextStage(current, f, t);
        expect(nextStage(once, f, t)).toBe(once);
      }),
    );
  });

  it('a member becomes churned only after churnedAfterDays without a purchase', () => {
    fc.assert(
      fc.property(stageArb, anyFactsArb, thresholdsArb, (current, f, t) => {
        if (nextStage(current, f, t) === 'churned') {
          expect(f.purchasedJustNow).toBe(false);
          if (current !== 'churned') expect(f.daysSinceLastPurchase).toBeGreaterThanOrEqual(t.churnedAfterDays);
        }
      }),
    );
  });

  it('a purchase never leads to at-risk, lapsed or churned, and wins back idle members', () => {
    fc.assert(
      fc.property(stageArb, purchaseFactsArb, thresholdsArb, (current, f, t) => {
        const next = nextStage(current, f, t);
        expect(['at-risk', 'lapsed', 'churned']).not.toContain(next);
        if (current === 'at-risk' || current === 'lapsed' || current === 'churned') expect(next).toBe('won-back');
      }),
    );
  });

  it('replaying a member’s life event by event ends in the stage the facts imply', () => {
    // Days pass one at a time; on purchase days the event fires, every day the daily job runs.
    fc.assert(
      fc.property(thresholdsArb, fc.array(fc.nat(2 * 400), { maxLength: 8 }), fc.nat(800), (t, gaps, tail) => {
        let stage: JourneyStage = nextStage('prospect', facts(0, null), t);
        let count = 0;
        for (const gap of gaps) {
          if (count > 0) stage = nextStage(stage, facts(count, gap), t); // the daily job before the purchase
          const idleBefore = count > 0 && gap >= t.atRiskAfterDays;
          count++;
          stage = nextStage(stage, purchase(count), t);
          if (idleBefore) expect(stage).toBe('won-back');
          else expect(['first-purchase', 'active', 'won-back']).toContain(stage);
        }
        stage = nextStage(stage, facts(count, count > 0 ? tail : null), t);
        if (count === 0) expect(stage).toBe('enrolled');
        else if (tail >= t.churnedAfterDays) expect(stage).toBe('churned');
        else if (tail >= t.lapsedAfterDays) expect(stage).toBe('lapsed');
        else if (tail >= t.atRiskAfterDays) expect(stage).toBe('at-risk');
      }),
    );
  });
});
