import { z } from 'zod';

/**
 * The rewards catalogue (campaigns service) and members' reward redemptions, as the gateway and
 * the campaigns service exchange them. A redemption is a small saga the gateway drives:
 * campaigns reserves a unit of stock → points holds the price → campaigns marks it held →
 * points captures → campaigns marks it fulfilled; a refusal by points releases the unit.
 */
const isoTime = z.iso.datetime({ offset: true });

export const rewardCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'letters, digits, - and _ (up to 64), starting with a letter or digit')
  .describe('Unique in the club (an operator’s reference, e.g. the SKU of the gift)');

export const rewardNameSchema = z
  .object({ fa: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) })
  .partial()
  .strict()
  .refine((n) => n.fa !== undefined || n.en !== undefined, 'give the name in Persian (fa), English (en) or both')
  .describe('Persian and/or English; apps show the member’s language and fall back to the other');

const rewardTextSchema = z
  .object({ fa: z.string().trim().min(1).max(2000), en: z.string().trim().min(1).max(2000) })
  .partial()
  .strict();

/** What an operator writes; POST creates, PUT replaces the definition (stock = units left now). */
export const rewardInputSchema = z
  .object({
    code: rewardCodeSchema,
    name: rewardNameSchema,
    description: rewardTextSchema.nullable().default(null),
    imageUrl: z
      .url({ protocol: /^https$/ })
      .max(2000)
      .nullable()
      .default(null)
      .describe('An https URL of the reward’s picture'),
    pointsPrice: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('Points a member pays for one unit'),
    stock: z
      .number()
      .int()
      .min(0)
      .max(2_147_483_647)
      .nullable()
      .default(null)
      .describe('Units left to redeem (not counting units reserved by redemptions in flight); null = unlimited'),
    perMemberLimit: z.number().int().min(1).max(1_000_000).nullable().default(null).describe('Units one member may redeem over the reward’s life; null = no limit'),
    validFrom: isoTime.nullable().default(null),
    validUntil: isoTime.nullable().default(null).describe('Exclusive; must be after validFrom'),
    status: z.enum(['active', 'archived']).default('active').describe('Archived rewards stay listed for history but cannot be redeemed'),
  })
  .strict();
export type RewardInput = z.infer<typeof rewardInputSchema>;

export const rewardViewSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.object({ fa: z.string().optional(), en: z.string().optional() }),
  description: z.object({ fa: z.string().optional(), en: z.string().optional() }).nullable(),
  imageUrl: z.string().nullable(),
  pointsPrice: z.number().int(),
  stock: z.number().int().nullable().describe('Units left; null = unlimited'),
  reserved: z.number().int().describe('Units held by redemptions in flight'),
  redeemed: z.number().int().describe('Units redeemed (fulfilled)'),
  perMemberLimit: z.number().int().nullable(),
  validFrom: isoTime.nullable(),
  validUntil: isoTime.nullable(),
  status: z.enum(['active', 'archived']),
  available: z.boolean().describe('Redeemable now: active, inside its validity window and in stock'),
  version: z.number().int().describe('1 at creation, +1 per update'),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type RewardView = z.infer<typeof rewardViewSchema>;

export const rewardPageSchema = z.object({ items: z.array(rewardViewSchema), nextCursor: z.string().nullable() });

export const REWARD_REDEMPTION_STATUSES = ['reserved', 'held', 'fulfilled', 'released'] as const;
export type RewardRedemptionStatus = (typeof REWARD_REDEMPTION_STATUSES)[number];

/**
 * Why a redemption was released (its unit of stock returned): points refused the hold (not enough
 * points), the flow stalled before the points were held (`timed-out`, the sweep), or the hold
 * ended without a capture (`hold-ended`: released or expired in points).
 */
export const REWARD_RELEASE_REASONS = ['points-refused', 'timed-out', 'hold-ended'] as const;
export type RewardReleaseReason = (typeof REWARD_RELEASE_REASONS)[number];

export const rewardRedemptionIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(90)
  .describe('The caller’s id for this redemption: the idempotency key (tenant-wide)');

export const rewardRedemptionViewSchema = z.object({
  redemptionId: z.string(),
  rewardId: z.uuid(),
  rewardCode: z.string(),
  rewardName: z.object({ fa: z.string().optional(), en: z.string().optional() }).describe('As it was when redeemed'),
  memberId: z.uuid(),
  points: z.number().int().describe('The price paid (the reward’s price when it was reserved)'),
  status: z.enum(REWARD_REDEMPTION_STATUSES),
  releaseReason: z.enum(REWARD_RELEASE_REASONS).nullable(),
  pointsRedemptionId: z.string().describe('The points ledger redemption: reward:<redemptionId>'),
  holdExpiresAt: isoTime.nullable(),
  createdAt: isoTime,
  heldAt: isoTime.nullable(),
  fulfilledAt: isoTime.nullable(),
  releasedAt: isoTime.nullable(),
});
export type RewardRedemptionView = z.infer<typeof rewardRedemptionViewSchema>;

export const rewardRedemptionPageSchema = z.object({ items: z.array(rewardRedemptionViewSchema), nextCursor: z.string().nullable() });

/** A refusal by the points service, kept with a released redemption so a retry answers it again. */
export const rewardFailureSchema = z.object({
  grpcCode: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
});
export type RewardFailure = z.infer<typeof rewardFailureSchema>;

/** Every step of the saga answers the redemption as it now is (the caller decides from `status`). */
export const rewardRedemptionStepSchema = z.object({
  redemption: rewardRedemptionViewSchema,
  created: z.boolean().describe('ReserveReward: this call made the reservation (false: the id was known)'),
  failure: rewardFailureSchema.nullable(),
});
export type RewardRedemptionStep = z.infer<typeof rewardRedemptionStepSchema>;

// The campaigns RPC documents (CampaignsService, JsonDocument in and out).
const operator = z.string().trim().min(1).max(200);
export const createRewardRequestSchema = z.object({ reward: rewardInputSchema, operator });
export const saveRewardRequestSchema = z.object({ id: z.uuid(), reward: rewardInputSchema, operator });
export const getRewardRequestSchema = z.object({ id: z.uuid() });
export const listRewardsRequestSchema = z.object({
  status: z.enum(['active', 'archived']).nullable().default(null),
  available: z.boolean().default(false).describe('Only what can be redeemed now'),
  cursor: z.string().max(200).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export const reserveRewardRequestSchema = z.object({ redemptionId: rewardRedemptionIdSchema, rewardId: z.uuid(), memberId: z.uuid() });
export const markRewardHeldRequestSchema = z.object({ redemptionId: rewardRedemptionIdSchema, holdExpiresAt: isoTime.nullable() });
export const fulfilRewardRequestSchema = z.object({ redemptionId: rewardRedemptionIdSchema });
export const releaseRewardRequestSchema = z.object({
  redemptionId: rewardRedemptionIdSchema,
  reason: z.enum(['points-refused', 'hold-ended']),
  failure: rewardFailureSchema.nullable().default(null),
});
export const listRewardRedemptionsRequestSchema = z.object({
  memberId: z.uuid(),
  cursor: z.string().max(200).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});

/** The points redemption id of a reward redemption (points ids are tenant-wide, like ours). */
export const pointsRedemptionIdOf = (redemptionId: string): string => `reward:${redemptionId}`;
