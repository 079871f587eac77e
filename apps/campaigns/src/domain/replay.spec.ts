import fc from 'fast-check';
import { prepareCampaignSet, type PointValue } from './evaluation';
import { DRAFT_ID, EMPTY_TALLY, pageCounterKeys, recordedFacts, replayContext, replayPage, type RecordedCheckout, type ReplayCounters, type ReplaySets, type ReplayTally } from './replay';
import type { TenantSettings } from './rule-context';
import { createRuleEnvironment } from './rule-language';
import { compileCampaign, type CampaignDefinition, type CompiledCampaign } from './rules';
import type { EvaluationGroup } from './stacking';

const env = createRuleEnvironment([{ key: 'vip', type: 'boolean' }]);
const TEHRAN: TenantSettings = { timeZone: 'Asia/Tehran', calendar: 'jalali' };
const POINT: PointValue = { minorUnits: 1, perPoints: 1 };

function campaign(def: Partial<CampaignDefinition> & Pick<CampaignDefinition, 'id'>): CompiledCampaign {
  const r = compileCampaign({ version: 1, rules: [], ...def }, env);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.campaign;
}

function sets(live: CompiledCampaign[], draft: CompiledCampaign, groups: EvaluationGroup[] = []): ReplaySets {
  return { base: prepareCampaignSet(live, { groups, pointValue: POINT }), with: prepareCampaignSet([...live, draft], { groups, pointValue: POINT }), draft };
}

/** Checkout i: member m-(i % 7), a dairy line of (i + 1) × 10,000 and a bakery line of 50,000; base points 1 per 10,000. */
function checkout(i: number, over: { memberId?: string; vip?: boolean } = {}): RecordedCheckout {
  const dairy = (i + 1) * 10_000;
  const amount = dairy + 50_000;
  return {
    transactionId: `t-${String(i).padStart(4, '0')}`,
    facts: recordedFacts(
      {
        member: { id: over.memberId ?? `m-${i % 7}`, tier: null, tenureDays: 30, segments: [], personas: [], journeyStage: null, attributes: { vip: over.vip ?? i % 2 === 0 }, birthDate: null },
        cart: {
          amount,
          currency: 'IRR',
          lines: [
            { sku: 'MILK', category: 'dairy', quantity: i + 1, unitPrice: 10_000 },
            { sku: 'BREAD', category: 'bakery', quantity: 1, unitPrice: 50_000 },
          ],
        },
        basePoints: amount / 10_000,
        store: 'store-1',
        channel: 'pos',
      },
      new Date(Date.UTC(2025, 4, 1, 8) + i * 3_600_000),
    ),
  };
}

function replay(s: ReplaySets, checkouts: RecordedCheckout[], pageSize = checkouts.length): { tally: ReplayTally; members: Set<string>; counters: ReplayCounters } {
  const counters: ReplayCounters = { base: new Map(), with: new Map() };
  const members = new Set<string>();
  let tally = EMPTY_TALLY;
  for (let i = 0; i < checkouts.length; i += pageSize) {
    const page = checkouts.slice(i, i + pageSize);
    const out = replayPage(
      s,
      page,
      page.map((c) => replayContext(c.facts, TEHRAN)),
      counters,
      tally,
    );
    const fresh = out.reached.filter((m) => !members.has(m));
    fresh.forEach((m) => members.add(m));
    tally = { ...out.tally, membersReached: out.tally.membersReached + fresh.length };
  }
  return { tally, members, counters };
}

const doubleDairy = (extra: Partial<CampaignDefinition> = {}) =>
  campaign({
    id: DRAFT_ID,
    name: 'Double dairy',
    rules: [{ id: 'dairy', trigger: 'purchase', effects: [{ kind: 'points-per-amount', points: 1, per: 10_000, lines: 'line.category == "dairy"' }] }],
    ...extra,
  });

describe('replayPage', () => {
  const fifty = Array.from({ length: 50 }, (_, i) => checkout(i));

  it('a draft doubling dairy points: its exact cost, per rule, members reached', () => {
    const { tally } = replay(sets([], doubleDairy()), fifty);
    const expected = fifty.reduce((s, _, i) => s + (i + 1), 0); // (i + 1) × 10,000 of dairy → i + 1 points
    expect(tally).toMatchObject({
      scanned: 50,
      matched: 50,
      membersReached: 7,
      skipped: 0,
      campaign: { points: String(expected), discount: '0' },
      displaced: { points: '0', discount: '0' },
      rules: [{ ruleId: 'dairy', checkouts: 50, points: String(expected), discount: '0' }],
      budgetExhaustedAt: null,
    });
  });

  it('a campaign-wide budget caps the cost and says at which checkout it ran out', () => {
    const { tally } = replay(sets([], doubleDairy({ limits: [{ scope: 'campaign', measure: 'points', max: 100, period: 'lifetime' }] })), fifty);
    // 1 + 2 + … + 13 = 91, the 14th checkout asks 14 and gets the last 9
    expect(tally.campaign.points).toBe('100');
    expect(tally.matched).toBe(14);
    expect(tally.budgetExhaustedAt).toEqual({ at: fifty[13].facts.at, transactionId: 't-0013', limit: `campaign:${DRAFT_ID}/campaign/points/lifetime` });
  });

  it('all-or-nothing: reports the budget when it is used up exactly', () => {
    const draft = campaign({
      id: DRAFT_ID,
      grantMode: 'all-or-nothing',
      limits: [{ scope: 'campaign', measure: 'points', max: 30, period: 'lifetime' }],
      rules: [{ id: 'r', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 10 }] }],
    });
    const { tally } = replay(sets([], draft), fifty);
    expect(tally).toMatchObject({ matched: 3, campaign: { points: '30' }, budgetExhaustedAt: { transactionId: 't-0002' } });
  });

  it('member limits count per member from zero over the window', () => {
    const draft = doubleDairy({ limits: [{ scope: 'member', measure: 'applications', max: 2, period: 'lifetime' }] });
    const { tally } = replay(sets([], draft), fifty);
    expect(tally.matched).toBe(14); // 7 members × 2
    expect(tally.budgetExhaustedAt).toBeNull(); // a member limit is not the campaign's budget
  });

  it('reports the incremental effect: what a first-match group’s live campaign no longer gives', () => {
    const live = campaign({ id: 'live-1', group: 'promo', priority: 1, rules: [{ id: 'l', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 5 }] }] });
    const draft = campaign({
      id: DRAFT_ID,
      group: 'promo',
      priority: 9,
      rules: [{ id: 'vip', trigger: 'purchase', condition: 'member.attributes.vip', effects: [{ kind: 'points-fixed', points: 8 }] }],
    });
    const { tally } = replay(sets([live], draft, [{ id: 'promo', mode: 'first-match' }]), fifty);
    expect(tally).toMatchObject({ matched: 25, campaign: { points: String(25 * 8) }, displaced: { points: String(25 * 5) } });
    // stacking all instead: nothing displaced
    expect(replay(sets([live], draft), fifty).tally.displaced).toEqual({ points: '0', discount: '0' });
  });

  it('a coupon-gated draft matches the checkouts that redeemed a coupon of its batch (facts stored before coupons: none)', () => {
    const draft = doubleDairy({ targeting: { couponBatches: ['batch-1'] } });
    const withCoupons = fifty.slice(0, 10).map((c, i) => ({ ...c, facts: { ...c.facts, couponBatches: i < 4 ? ['batch-1'] : ['batch-2'] } }));
    const old = fifty.slice(10, 12).map((c) => ({ ...c, facts: { ...c.facts, couponBatches: undefined } }));
    expect(replay(sets([], draft), [...withCoupons, ...old]).tally).toMatchObject({ scanned: 12, matched: 4, campaign: { points: String(1 + 2 + 3 + 4) } });
  });

  it('counts checkouts whose facts could not be evaluated as skipped', () => {
    const s = sets([], doubleDairy());
    const page = fifty.slice(0, 3);
    const out = replayPage(s, page, [replayContext(page[0].facts, TEHRAN), null, replayContext(page[2].facts, TEHRAN)], { base: new Map(), with: new Map() }, EMPTY_TALLY);
    expect(out.tally).toMatchObject({ scanned: 3, matched: 2, skipped: 1 });
  });

  it('names only the counters the line-ups can read', () => {
    const live = campaign({ id: 'live-1', limits: [{ scope: 'store', measure: 'points', max: 9, period: { unit: 'month' } }], rules: [{ id: 'l', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 1 }] }] });
    const keys = pageCounterKeys(sets([live], doubleDairy({ limits: [{ scope: 'member', measure: 'points', max: 9, period: 'lifetime' }] })), [replayContext(fifty[0].facts, TEHRAN)]);
    expect(keys.base).toEqual(['campaign:live-1/store:store-1/points/jalali-month:1404-02']);
    expect(keys.with).toEqual([`campaign:${DRAFT_ID}/member:m-0/points/lifetime`, 'campaign:live-1/store:store-1/points/jalali-month:1404-02']);
  });

  it('gives the same report however the checkouts are paged (counters carry over) — property', () => {
    const draft = doubleDairy({
      limits: [
        { scope: 'campaign', measure: 'points', max: 400, period: 'lifetime' },
        { scope: 'member', measure: 'applications', max: 5, period: { unit: 'day' } },
      ],
    });
    const s = sets([], draft);
    const whole = replay(s, fifty).tally;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), (pageSize) => {
        expect(replay(s, fifty, pageSize).tally).toEqual(whole);
      }),
      { numRuns: 25 },
    );
  });
});
