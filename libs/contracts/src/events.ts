import { z } from 'zod';
import { CHANNELS } from './member-profile';
import { checkoutEffectSchema } from './campaigns';

/**
 * The typed topic map: every topic maps to exactly one payload schema, so publishing the wrong
 * payload does not compile. Topic names follow `<owner>.<entity>.<past-tense-event>.v<N>`;
 * a breaking change is a new topic version. Messages are keyed by `subject` (the member id),
 * so one member's events stay ordered within a partition.
 */
const isoTime = z.iso.datetime({ offset: true });
const uuid = z.uuid();
const points = z.number().int().safe();

export const memberEnrolledV1 = z.object({
  memberId: uuid,
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/),
  firstName: z.string().max(100).nullable(),
  lastName: z.string().max(100).nullable(),
  locale: z.enum(['fa', 'en']),
  enrolledAt: isoTime,
});

/** A profile change (PATCH or consent). Carries what notifications and campaigns need to act on it. */
export const memberUpdatedV1 = z.object({
  memberId: uuid,
  version: z.number().int().min(1),
  changedFields: z.array(z.string()).min(1),
  firstName: z.string().nullable(),
  locale: z.enum(['fa', 'en']),
  email: z.string().nullable(),
  preferredChannels: z.array(z.enum(CHANNELS)),
  consents: z.partialRecord(z.enum(CHANNELS), z.boolean()),
  updatedAt: isoTime,
});

export const cardChangedV1 = z.object({
  memberId: uuid,
  action: z.enum(['issued', 'replaced', 'blocked', 'unblocked']),
  cardNumber: z.string().regex(/^\d{16}$/),
  previousCardNumber: z.string().regex(/^\d{16}$/).nullable(),
  status: z.enum(['active', 'blocked', 'replaced']),
  at: isoTime,
});

/** Where a ledger entry moves points: `outside` (credits and reversals) and the balance buckets. */
export const LEDGER_PLACES = ['outside', 'pending', 'available', 'held', 'spent', 'expired'] as const;
export const LEDGER_ENTRY_KINDS = ['earn', 'activate', 'hold', 'capture', 'release', 'redeem', 'refund', 'expire', 'reverse', 'adjust', 'forgive', 'settle'] as const;
const ledgerPlace = z.enum(LEDGER_PLACES);

/**
 * One ledger entry of any kind: `points` (always positive) moved `from` → `to`; both null for the
 * memo kinds (`forgive`: reversed points the policy did not take; `settle`: a lot paying off a
 * negative balance). `balance` is the member's balance just after the entry. Events written
 * before issue 4 (earn entries only, outside → available) lack from, to, operation, lotId and the
 * held/spent/expired figures, so those are optional.
 */
export const ledgerEntryCreatedV1 = z.object({
  entryId: uuid,
  memberId: uuid,
  kind: z.enum(LEDGER_ENTRY_KINDS),
  points: points.min(1),
  from: ledgerPlace.nullable().optional(),
  to: ledgerPlace.nullable().optional(),
  /** The operation that wrote it, `<kind>:<id>`: earn:<transactionId>, redeem:/hold:/capture:/release:<redemptionId>, return:<returnId>, adjust:<adjustmentId>, activate:<transactionId or job>, expire:<job>. */
  operation: z.string().min(1).max(200).optional(),
  lotId: z.string().min(1).max(200).nullable().optional(),
  /** The checkout an earn, return or accept entry belongs to; null otherwise. */
  transactionId: z.string().min(1).max(100).nullable(),
  storeId: z.string().min(1).max(100).nullable(),
  balance: z.object({
    available: points,
    pending: points,
    lifetimeEarned: points,
    held: points.optional(),
    spent: points.optional(),
    expired: points.optional(),
  }),
  createdAt: isoTime,
});

/** A checkout recorded for a member (once per transaction id): the purchase facts tiers, segments and journeys use. */
export const checkoutRecordedV1 = z.object({
  memberId: uuid,
  transactionId: z.string().min(1).max(100),
  storeId: z.string().min(1).max(100),
  amount: points.min(0),
  currency: z.string().regex(/^[A-Z]{3}$/),
  pointsEarned: points.min(0),
  itemCount: z.number().int().min(0),
  recordedAt: isoTime,
  categories: z.array(z.string().min(1).max(100)).max(500).default([]).describe('The distinct categories of the lines (challenges such as "try three categories")'),
  campaignPoints: points.min(0).default(0).describe('The part of pointsEarned the campaigns gave'),
  campaignEffects: z
    .array(checkoutEffectSchema)
    .max(200)
    .default([])
    .describe('Every campaign effect applied to the checkout, with its provenance (badges, challenges and coupons are awarded from these)'),
  couponCodes: z.array(z.string().min(1).max(40)).max(20).default([]).describe('Coupon codes redeemed with the checkout'),
});

/**
 * A return recorded against a checkout (once per return id): members takes the returned spend
 * and tier-qualifying points off the purchase's window; campaigns reverse their counters.
 */
export const checkoutReturnedV1 = z.object({
  memberId: uuid,
  transactionId: z.string().min(1).max(100),
  returnId: z.string().min(1).max(100),
  storeId: z.string().min(1).max(100),
  amountReturned: points.min(0).describe('Minor units of the purchase returned'),
  pointsReversed: points.min(0).describe('Earned points the return takes back (forgiven parts included: tier points follow the purchase)'),
  pointsRefunded: points.min(0),
  purchasedAt: isoTime,
  returnedAt: isoTime,
});

export const tierChangedV1 = z.object({
  memberId: uuid,
  from: z.string().nullable(),
  to: z.string(),
  direction: z.enum(['up', 'down']),
  reason: z.string(),
  ladderVersion: z.number().int().min(1),
  at: isoTime,
});

/** A referred member made a first purchase: campaigns reward the referrer (and the friend). */
export const referralCompletedV1 = z.object({
  referrerId: uuid,
  referredId: uuid,
  transactionId: z.string().min(1).max(100),
  at: isoTime,
});

export const journeyStageChangedV1 = z.object({
  memberId: uuid,
  from: z.string(),
  to: z.string(),
  at: isoTime,
});

/** A member was erased: other services delete or anonymise what they hold about them. */
export const memberErasedV1 = z.object({
  memberId: uuid,
  erasedAt: isoTime,
});

/** A member joined or left a rule-based segment or persona (for campaigns and notifications). */
export const segmentMembershipChangedV1 = z.object({
  memberId: uuid,
  segmentId: uuid,
  kind: z.enum(['segment', 'persona']),
  name: z.string(),
  change: z.enum(['joined', 'left']),
  at: isoTime,
});

/**
 * Points of one lot expired: its remaining points when the expiry job reached it (`cause`
 * 'lot'), or points an expired hold gave back after their lot had expired (`cause` 'hold',
 * credited and expired at once). Written by the points jobs, one event per lot and job.
 */
export const lotExpiredV1 = z.object({
  memberId: uuid,
  lotId: z.string().min(1).max(200),
  points: points.min(1),
  cause: z.enum(['lot', 'hold']),
  expiresAt: isoTime.describe("The lot's expiry instant"),
  expiredAt: isoTime.describe('The instant the job judged'),
  operation: z.string().min(1).max(200).describe('expire:<job id>'),
});

/**
 * A lot will expire soon (the tenant's warnDaysBefore): one event per lot, once (the lot is
 * marked warned in the same transaction). Consumers group a member's lots by `expiresAt`.
 */
export const lotExpiringV1 = z.object({
  memberId: uuid,
  lotId: z.string().min(1).max(200),
  points: points.min(1).describe('The lot’s remaining points when warned'),
  expiresAt: isoTime,
  lastDay: z.iso.date().describe('The last day (club time zone) the points can be spent: the local date before expiresAt'),
  warnedAt: isoTime,
});

/** A campaign saved or moved in its lifecycle: evaluation caches reload the tenant's live campaigns. */
export const campaignChangedV1 = z.object({
  campaignId: uuid,
  version: z.number().int().min(1),
  status: z.enum(['draft', 'scheduled', 'active', 'paused', 'ended']),
  at: isoTime,
});

/**
 * A member's reward redemption was fulfilled (the points hold captured): once per redemption, in
 * the transaction that marks it fulfilled. Keyed by the member id.
 */
export const rewardRedeemedV1 = z.object({
  redemptionId: z.string().min(1).max(100),
  rewardId: uuid,
  rewardCode: z.string().min(1).max(64),
  memberId: uuid,
  points: points.min(1).describe('The price paid'),
  pointsRedemptionId: z.string().min(1).max(100).describe('The captured points redemption: reward:<redemptionId>'),
  reservedAt: isoTime,
  fulfilledAt: isoTime,
});

/** A badge awarded to a member (at most once per member and badge): by a campaign rule, a completed challenge or a streak milestone. */
export const badgeAwardedV1 = z.object({
  memberId: uuid,
  badgeCode: z.string().min(1).max(64),
  name: z.object({ fa: z.string(), en: z.string() }),
  source: z.enum(['rule', 'challenge', 'streak']),
  reference: z.string().min(1).max(300).describe('campaign:<id>/rule:<ruleId>, the challenge code or the streak code'),
  transactionId: z.string().min(1).max(100).nullable().describe('The checkout that earned it'),
  awardedAt: isoTime,
});

/** A rule issued a coupon to a member (an `issue-coupon` effect of a recorded checkout); notifications may send it. */
export const couponIssuedV1 = z.object({
  memberId: uuid,
  code: z.string().min(1).max(40),
  batchId: uuid,
  campaignId: uuid,
  ruleId: z.string().min(1).max(100),
  transactionId: z.string().min(1).max(100),
  validUntil: isoTime.nullable(),
  issuedAt: isoTime,
});

/** A member completed a challenge in one period (once per member, challenge and period). */
export const challengeCompletedV1 = z.object({
  memberId: uuid,
  challengeCode: z.string().min(1).max(64),
  name: z.object({ fa: z.string(), en: z.string() }),
  goal: z.enum(['purchase-count', 'distinct-categories', 'spend', 'steps']),
  target: points.min(1),
  progress: points.min(0),
  periodKey: z.string().min(1).max(100).describe('e.g. jalali-month:1404-01, or lifetime'),
  periodStart: isoTime.nullable(),
  periodEnd: isoTime.nullable(),
  badgeCode: z.string().min(1).max(64).nullable(),
  transactionId: z.string().min(1).max(100).nullable(),
  completedAt: isoTime,
});

/** A member's run of consecutive active weeks or months reached one of the streak's milestones (once per run and milestone). */
export const streakMilestoneReachedV1 = z.object({
  memberId: uuid,
  streakCode: z.string().min(1).max(64),
  unit: z.enum(['week', 'month']),
  length: z.number().int().min(2),
  periodKey: z.string().min(1).max(100).describe('The period that reached it'),
  badgeCode: z.string().min(1).max(64).nullable(),
  transactionId: z.string().min(1).max(100).nullable(),
  reachedAt: isoTime,
});

/**
 * A club declared (or redefined) a custom member attribute: campaigns keeps the declarations so
 * rules can read `member.attributes.<key>` typed. Keyed by the attribute key.
 */
export const attributeDefinedV1 = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  type: z.enum(['string', 'number', 'boolean', 'date', 'enum']),
  options: z.array(z.string()).max(100).nullable(),
  definedAt: isoTime.describe('When this definition was saved (a consumer keeps the latest)'),
});

/**
 * What a tenant's campaigns are evaluated with changed — its campaign settings (group modes, point
 * value) or the custom attributes rules may read: evaluation caches reload the tenant.
 */
export const campaignSettingsChangedV1 = z.object({
  cause: z.enum(['campaign-settings', 'member-attributes']),
  version: z.number().int().min(0).describe('The settings version (campaign-settings); 0 otherwise'),
  at: isoTime,
});

export const TOPICS = {
  'members.member.enrolled.v1': memberEnrolledV1,
  'members.member.updated.v1': memberUpdatedV1,
  'members.card.changed.v1': cardChangedV1,
  'members.tier.changed.v1': tierChangedV1,
  'members.referral.completed.v1': referralCompletedV1,
  'members.journey-stage.changed.v1': journeyStageChangedV1,
  'members.member.erased.v1': memberErasedV1,
  'members.segment-membership.changed.v1': segmentMembershipChangedV1,
  'points.ledger-entry.created.v1': ledgerEntryCreatedV1,
  'points.checkout.recorded.v1': checkoutRecordedV1,
  'points.lot.expired.v1': lotExpiredV1,
  'points.lot.expiring.v1': lotExpiringV1,
  'points.checkout.returned.v1': checkoutReturnedV1,
  'campaigns.campaign.changed.v1': campaignChangedV1,
  'campaigns.reward.redeemed.v1': rewardRedeemedV1,
  'members.attribute.defined.v1': attributeDefinedV1,
  'campaigns.settings.changed.v1': campaignSettingsChangedV1,
  'campaigns.badge.awarded.v1': badgeAwardedV1,
  'campaigns.coupon.issued.v1': couponIssuedV1,
  'campaigns.challenge.completed.v1': challengeCompletedV1,
  'campaigns.streak.milestone-reached.v1': streakMilestoneReachedV1,
} as const;

export type TopicName = keyof typeof TOPICS;
export type TopicPayload<T extends TopicName> = z.infer<(typeof TOPICS)[T]>;

/** Partitions per topic; keyed by member id. Dead-letter topics get one partition. */
export const TOPIC_PARTITIONS: Record<TopicName, number> = {
  'members.member.enrolled.v1': 6,
  'members.member.updated.v1': 6,
  'members.card.changed.v1': 6,
  'members.tier.changed.v1': 6,
  'members.referral.completed.v1': 6,
  'members.journey-stage.changed.v1': 6,
  'members.member.erased.v1': 6,
  'members.segment-membership.changed.v1': 6,
  'points.ledger-entry.created.v1': 6,
  'points.checkout.recorded.v1': 6,
  'points.lot.expired.v1': 6,
  'points.lot.expiring.v1': 6,
  'points.checkout.returned.v1': 6,
  'campaigns.campaign.changed.v1': 3,
  'campaigns.reward.redeemed.v1': 6,
  'members.attribute.defined.v1': 3,
  'campaigns.settings.changed.v1': 3,
  'campaigns.badge.awarded.v1': 6,
  'campaigns.coupon.issued.v1': 6,
  'campaigns.challenge.completed.v1': 6,
  'campaigns.streak.milestone-reached.v1': 6,
};

export const TOPIC_NAMES = Object.keys(TOPICS) as TopicName[];

/**
 * Topics whose events carry personal data (phone, names, e-mail, profile fields, card numbers).
 * An erasure cannot recall events already published, so these topics (and their dead-letter
 * topics) are created with a bounded retention, whatever the cluster's default: after
 * {@link PERSONAL_DATA_RETENTION_MS} an erased member's data is gone from Kafka too.
 */
export const PERSONAL_DATA_TOPICS: ReadonlySet<TopicName> = new Set<TopicName>(['members.member.enrolled.v1', 'members.member.updated.v1', 'members.card.changed.v1']);

/** Seven days: consumers that fall further behind than this are rebuilt from the services' APIs, not from Kafka. */
export const PERSONAL_DATA_RETENTION_MS = 7 * 24 * 3600 * 1000;

export function dlqTopic(topic: TopicName): `${TopicName}.dlq` {
  return `${topic}.dlq`;
}

/** The event envelope every Kafka message carries as its JSON value. */
export const envelopeSchema = z.object({
  id: uuid,
  type: z.string().min(1),
  tenantId: uuid,
  subject: z.string().min(1),
  time: isoTime,
  traceparent: z
    .string()
    .regex(/^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/)
    .nullable(),
  data: z.unknown(),
});

export interface EventEnvelope<T extends TopicName = TopicName> {
  readonly id: string;
  readonly type: T;
  readonly tenantId: string;
  readonly subject: string;
  readonly time: string;
  readonly traceparent: string | null;
  readonly data: TopicPayload<T>;
}

export type ParseResult<T extends TopicName> =
  | { readonly ok: true; readonly event: EventEnvelope<T> }
  | { readonly ok: false; readonly error: string };

/** Validates a raw message value against the envelope and the topic's payload schema. */
export function parseEvent<T extends TopicName>(topic: T, raw: string | Buffer | null): ParseResult<T> {
  if (raw === null) return { ok: false, error: 'empty message value' };
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch {
    return { ok: false, error: 'value is not JSON' };
  }
  const env = envelopeSchema.safeParse(json);
  if (!env.success) return { ok: false, error: `envelope: ${z.prettifyError(env.error)}` };
  if (env.data.type !== topic) return { ok: false, error: `envelope type ${env.data.type} does not match topic ${topic}` };
  const data = TOPICS[topic].safeParse(env.data.data);
  if (!data.success) return { ok: false, error: `data: ${z.prettifyError(data.error)}` };
  return { ok: true, event: { ...env.data, type: topic, data: data.data } as EventEnvelope<T> };
}
