import { randomUUID } from 'node:crypto';
import { dlqTopic, parseEvent, TOPIC_NAMES, TOPIC_PARTITIONS, TOPICS, type TopicName, type TopicPayload } from './index';

const SAMPLES: { [T in TopicName]: TopicPayload<T> } = {
  'members.member.enrolled.v1': {
    memberId: randomUUID(),
    phone: '+989121234567',
    firstName: 'سارا',
    lastName: null,
    locale: 'fa',
    enrolledAt: '2026-03-20T10:00:00.000Z',
  },
  'members.member.updated.v1': {
    memberId: randomUUID(),
    version: 2,
    changedFields: ['firstName', 'consents.sms'],
    firstName: 'Sara',
    locale: 'en',
    email: null,
    preferredChannels: ['sms'],
    consents: { sms: false },
    updatedAt: '2026-03-20T10:00:00.000Z',
  },
  'members.card.changed.v1': {
    memberId: randomUUID(),
    action: 'replaced',
    cardNumber: '7091000000000007',
    previousCardNumber: '7091000000000015',
    status: 'active',
    at: '2026-03-20T10:00:00.000Z',
  },
  'members.tier.changed.v1': { memberId: randomUUID(), from: 'silver', to: 'gold', direction: 'up', reason: 'qualifying-activity', ladderVersion: 1, at: '2026-03-20T10:00:00.000Z' },
  'members.referral.completed.v1': { referrerId: randomUUID(), referredId: randomUUID(), transactionId: 'till-1', at: '2026-03-20T10:00:00.000Z' },
  'members.journey-stage.changed.v1': { memberId: randomUUID(), from: 'enrolled', to: 'first-purchase', at: '2026-03-20T10:00:00.000Z' },
  'members.member.erased.v1': { memberId: randomUUID(), erasedAt: '2026-03-20T10:00:00.000Z' },
  'members.segment-membership.changed.v1': { memberId: randomUUID(), segmentId: randomUUID(), kind: 'segment', name: 'VIP', change: 'joined', at: '2026-03-20T10:00:00.000Z' },
  'points.checkout.recorded.v1': {
    memberId: randomUUID(),
    transactionId: 'till-1',
    storeId: 'store-1',
    amount: 1_250_000,
    currency: 'IRR',
    pointsEarned: 125,
    itemCount: 2,
    recordedAt: '2026-03-20T10:00:00.000Z',
    categories: ['dairy', 'bakery'],
    campaignPoints: 25,
    campaignEffects: [
      { campaignId: randomUUID(), version: 1, ruleId: 'double-dairy', kind: 'points-multiplier', points: 25, discount: 0, description: 'امتیاز دوبرابر لبنیات', reference: null, steps: 0 },
      { campaignId: randomUUID(), version: 3, ruleId: 'first-bakery', kind: 'award-badge', points: 0, discount: 0, description: 'Baker badge', reference: 'baker', steps: 0 },
    ],
    couponCodes: ['NOWRUZ-7KQ2M4TXHB'],
  },
  'campaigns.campaign.changed.v1': { campaignId: randomUUID(), version: 2, status: 'active', at: '2026-03-20T10:00:00.000Z' },
  'campaigns.reward.redeemed.v1': {
    redemptionId: 'app-7f3a',
    rewardId: randomUUID(),
    rewardCode: 'CINEMA-TICKET',
    memberId: randomUUID(),
    points: 1_500,
    pointsRedemptionId: 'reward:app-7f3a',
    reservedAt: '2026-03-20T10:00:00.000Z',
    fulfilledAt: '2026-03-20T10:00:01.000Z',
  },
  'members.attribute.defined.v1': { key: 'favourite_store', type: 'enum', options: ['north', 'south'], definedAt: '2026-03-20T10:00:00.000Z' },
  'campaigns.settings.changed.v1': { cause: 'campaign-settings', version: 3, at: '2026-03-20T10:00:00.000Z' },
  'campaigns.badge.awarded.v1': {
    memberId: randomUUID(),
    badgeCode: 'baker',
    name: { fa: 'نانوا', en: 'Baker' },
    source: 'challenge',
    reference: 'five-in-farvardin',
    transactionId: 'till-1',
    awardedAt: '2026-03-20T10:00:00.000Z',
  },
  'campaigns.coupon.issued.v1': {
    memberId: randomUUID(),
    code: 'NOWRUZ7KQ2M4TXHB',
    batchId: randomUUID(),
    campaignId: randomUUID(),
    ruleId: 'welcome-back',
    transactionId: 'till-1',
    validUntil: null,
    issuedAt: '2026-03-20T10:00:00.000Z',
  },
  'campaigns.challenge.completed.v1': {
    memberId: randomUUID(),
    challengeCode: 'five-in-farvardin',
    name: { fa: 'پنج خرید در ماه', en: 'Five purchases this month' },
    goal: 'purchase-count',
    target: 5,
    progress: 5,
    periodKey: 'jalali-month:1405-01',
    periodStart: '2026-03-20T20:30:00.000Z',
    periodEnd: '2026-04-20T20:30:00.000Z',
    badgeCode: 'baker',
    transactionId: 'till-1',
    completedAt: '2026-03-21T10:00:00.000Z',
  },
  'campaigns.streak.milestone-reached.v1': {
    memberId: randomUUID(),
    streakCode: 'weekly-shopper',
    unit: 'week',
    length: 4,
    periodKey: 'jalali-week:2026-03-21',
    badgeCode: null,
    transactionId: 'till-1',
    reachedAt: '2026-03-21T10:00:00.000Z',
  },
  'points.checkout.returned.v1': {
    memberId: randomUUID(),
    transactionId: 'till-1',
    returnId: 'return-1',
    storeId: 'store-1',
    amountReturned: 250_000,
    pointsReversed: 25,
    pointsRefunded: 0,
    purchasedAt: '2026-03-20T10:00:00.000Z',
    returnedAt: '2026-03-21T10:00:00.000Z',
  },
  'points.lot.expired.v1': {
    memberId: randomUUID(),
    lotId: 'lot:till-1',
    points: 125,
    cause: 'lot',
    expiresAt: '2027-03-20T20:30:00.000Z',
    expiredAt: '2027-03-20T21:00:00.000Z',
    operation: `expire:${randomUUID()}`,
  },
  'points.lot.expiring.v1': { memberId: randomUUID(), lotId: 'lot:till-1', points: 125, expiresAt: '2027-03-20T20:30:00.000Z', lastDay: '2027-03-20', warnedAt: '2027-02-18T21:00:00.000Z' },
  'points.ledger-entry.created.v1': {
    entryId: randomUUID(),
    memberId: randomUUID(),
    kind: 'redeem',
    points: 40,
    from: 'available',
    to: 'spent',
    operation: 'earn:till-1',
    lotId: 'lot:till-0',
    transactionId: 'till-1',
    storeId: 'store-1',
    balance: { available: 85, pending: 0, lifetimeEarned: 125, held: 0, spent: 40, expired: 0 },
    createdAt: '2026-03-20T10:00:00.000Z',
  },
};

const envelope = (type: string, data: unknown) =>
  JSON.stringify({ id: randomUUID(), type, tenantId: randomUUID(), subject: randomUUID(), time: new Date().toISOString(), traceparent: null, data });

describe('topic map', () => {
  it('names every topic <owner>.<entity>.<past-tense-event>.v<N> with a partition count', () => {
    for (const t of TOPIC_NAMES) {
      expect(t).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+\.v\d+$/);
      expect(TOPIC_PARTITIONS[t]).toBeGreaterThan(0);
      expect(dlqTopic(t)).toBe(`${t}.dlq`);
    }
  });

  it.each(TOPIC_NAMES)('%s has a sample payload that its schema accepts inside an envelope', (topic) => {
    expect(TOPICS[topic].safeParse(SAMPLES[topic]).success).toBe(true);
    const parsed = parseEvent(topic, envelope(topic, SAMPLES[topic]));
    expect(parsed.ok).toBe(true);
  });

  it('still parses ledger entries written before issue 4 (earn only, no places or held/spent/expired), and memo entries with no places', () => {
    const legacy = {
      entryId: randomUUID(),
      memberId: randomUUID(),
      kind: 'earn',
      points: 125,
      transactionId: 'till-1',
      storeId: 'store-1',
      balance: { available: 125, pending: 0, lifetimeEarned: 125 },
      createdAt: '2026-03-20T10:00:00.000Z',
    };
    expect(parseEvent('points.ledger-entry.created.v1', envelope('points.ledger-entry.created.v1', legacy)).ok).toBe(true);
    const memo = { ...SAMPLES['points.ledger-entry.created.v1'], kind: 'forgive', from: null, to: null, lotId: null, transactionId: null, storeId: null };
    expect(parseEvent('points.ledger-entry.created.v1', envelope('points.ledger-entry.created.v1', memo)).ok).toBe(true);
  });

  it('rejects non-JSON, a wrong envelope type, and payloads that break the schema', () => {
    expect(parseEvent('members.member.enrolled.v1', 'nope')).toEqual({ ok: false, error: 'value is not JSON' });
    expect(parseEvent('members.member.enrolled.v1', null)).toMatchObject({ ok: false });
    const wrongType = parseEvent('members.member.enrolled.v1', envelope('points.ledger-entry.created.v1', SAMPLES['members.member.enrolled.v1']));
    expect(wrongType).toMatchObject({ ok: false, error: expect.stringContaining('does not match topic') });
    const fractional = parseEvent(
      'points.ledger-entry.created.v1',
      envelope('points.ledger-entry.created.v1', { ...SAMPLES['points.ledger-entry.created.v1'], points: 1.5 }),
    );
    expect(fractional).toMatchObject({ ok: false, error: expect.stringContaining('data') });
  });
});
