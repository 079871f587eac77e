import fc from 'fast-check';
import { counterDelta, RESERVE_DELTA, rewardRefusal, transition, windowIsValid, type RedemptionStatus, type RedemptionStep, type RewardTerms } from './reward';

const NOW = new Date('2026-03-20T10:00:00Z');
const at = (iso: string) => new Date(iso);
const terms = (over: Partial<RewardTerms> = {}): RewardTerms => ({ status: 'active', stock: null, perMemberLimit: null, validFrom: null, validUntil: null, ...over });

describe('rewardRefusal', () => {
  it.each<[string, Partial<RewardTerms>, number | null, ReturnType<typeof rewardRefusal>]>([
    ['unlimited, no window, no limit', {}, 7, null],
    ['archived first, whatever else', { status: 'archived', stock: 0 }, 9, 'archived'],
    ['before its window', { validFrom: at('2026-03-21T00:00:00Z') }, 0, 'not-yet-valid'],
    ['at the start of its window', { validFrom: NOW }, 0, null],
    ['at the (exclusive) end of its window', { validUntil: NOW }, 0, 'expired'],
    ['just before the end', { validUntil: at('2026-03-20T10:00:00.001Z') }, 0, null],
    ['no stock left', { stock: 0 }, 0, 'out-of-stock'],
    ['one unit left', { stock: 1 }, 0, null],
    ['the member reached the limit', { perMemberLimit: 2 }, 2, 'member-limit'],
    ['the member is under the limit', { perMemberLimit: 2 }, 1, null],
    ['availability ignores the limit (no member)', { perMemberLimit: 1 }, null, null],
    ['out of stock is said before the limit', { stock: 0, perMemberLimit: 1 }, 1, 'out-of-stock'],
  ])('%s', (_, over, uses, expected) => {
    expect(rewardRefusal(terms(over), NOW, uses)).toBe(expected);
  });
});

describe('redemption transitions', () => {
  const table: [RedemptionStatus, RedemptionStep, ReturnType<typeof transition>][] = [
    ['reserved', 'hold', { kind: 'move', to: 'held' }],
    ['held', 'hold', { kind: 'stay' }],
    ['fulfilled', 'hold', { kind: 'stay' }],
    ['released', 'hold', { kind: 'stay' }], // the sweep got there first: the gateway reads "released"
    ['reserved', 'fulfil', { kind: 'refuse', reason: 'the points are not held yet' }],
    ['held', 'fulfil', { kind: 'move', to: 'fulfilled' }],
    ['fulfilled', 'fulfil', { kind: 'stay' }],
    ['released', 'fulfil', { kind: 'stay' }],
    ['reserved', 'release', { kind: 'move', to: 'released' }],
    ['held', 'release', { kind: 'move', to: 'released' }],
    ['fulfilled', 'release', { kind: 'refuse', reason: 'the redemption is fulfilled' }],
    ['released', 'release', { kind: 'stay' }],
    ['reserved', 'time-out', { kind: 'move', to: 'released' }],
    ['held', 'time-out', { kind: 'stay' }],
    ['fulfilled', 'time-out', { kind: 'stay' }],
    ['released', 'time-out', { kind: 'stay' }],
  ];
  it.each(table)('%s + %s', (from, step, expected) => {
    expect(transition(from, step)).toEqual(expected);
  });

  it('fulfilled and released are final', () => {
    for (const from of ['fulfilled', 'released'] as const) {
      for (const step of ['hold', 'fulfil', 'release', 'time-out'] as const) expect(transition(from, step).kind).not.toBe('move');
    }
  });

  it('never loses or invents a unit: over any interleaving of steps, stock + in flight + redeemed stays what the operator set, stock never below 0', () => {
    const steps = fc.constantFrom<RedemptionStep | 'reserve'>('reserve', 'hold', 'fulfil', 'release', 'time-out');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.array(fc.tuple(steps, fc.nat(7)), { maxLength: 80 }), (initial, script) => {
        let stock = initial;
        let reserved = 0;
        let redeemed = 0;
        const redemptions: RedemptionStatus[] = [];
        const apply = (d: { stock: number; reserved: number; redeemed: number }) => {
          stock += d.stock;
          reserved += d.reserved;
          redeemed += d.redeemed;
        };
        for (const [step, pick] of script) {
          if (step === 'reserve') {
            if (rewardRefusal(terms({ stock }), NOW, null) === null) {
              apply(RESERVE_DELTA);
              redemptions.push('reserved');
            }
            continue;
          }
          if (redemptions.length === 0) continue;
          const i = pick % redemptions.length;
          const t = transition(redemptions[i], step);
          if (t.kind !== 'move') continue;
          apply(counterDelta(t.to));
          redemptions[i] = t.to;
          // Idempotent: the same step again changes nothing.
          expect(transition(redemptions[i], step).kind).not.toBe('move');
        }
        expect(stock).toBeGreaterThanOrEqual(0);
        expect(stock + reserved + redeemed).toBe(initial);
        expect(reserved).toBe(redemptions.filter((s) => s === 'reserved' || s === 'held').length);
        expect(redeemed).toBe(redemptions.filter((s) => s === 'fulfilled').length);
      }),
    );
  });
});

describe('windowIsValid', () => {
  it('needs the end after the start when both are given', () => {
    expect(windowIsValid(null, null)).toBe(true);
    expect(windowIsValid(NOW, null)).toBe(true);
    expect(windowIsValid(null, NOW)).toBe(true);
    expect(windowIsValid(NOW, NOW)).toBe(false);
    expect(windowIsValid(NOW, at('2026-03-20T10:00:01Z'))).toBe(true);
  });
});
