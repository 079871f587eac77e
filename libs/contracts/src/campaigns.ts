import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true });

/**
 * A campaign as marketers write it. Rules are checked by the campaigns service's rule engine when
 * the campaign is published (or saved while live): a typo in a field is refused then, not at the
 * till. Drafts may hold unfinished rules.
 */
export const campaignInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).optional(),
    group: z.string().trim().min(1).max(100).default('default').describe('Evaluation group (its stacking mode is set per group)'),
    priority: z.number().int().min(0).max(1_000_000).default(0).describe('Higher is evaluated first'),
    exclusivity: z
      .enum(['none', 'group', 'all'])
      .default('none')
      .describe('group: when it applies, the other campaigns of its group do not; all: when it applies, no other campaign does'),
    grantMode: z.enum(['partial', 'all-or-nothing']).default('partial').describe('At a limit: grant what is left, or nothing'),
    startsAt: isoTime.nullable().default(null),
    endsAt: isoTime.nullable().default(null),
    targeting: z
      .object({
        tiers: z.array(z.string().min(1).max(50)).max(50).optional(),
        segments: z.array(z.string().min(1).max(200)).max(50).optional(),
        personas: z.array(z.string().min(1).max(200)).max(50).optional(),
        journeyStages: z.array(z.string().min(1).max(50)).max(20).optional(),
        stores: z.array(z.string().min(1).max(100)).max(1000).optional(),
        channels: z.array(z.string().min(1).max(50)).max(20).optional(),
        couponBatches: z.array(z.uuid()).min(1).max(20).optional().describe('Coupon-gated: applies only when a coupon of one of these batches is redeemed with the checkout'),
      })
      .strict()
      .default({}),
    limits: z
      .array(
        z
          .object({
            scope: z.enum(['campaign', 'member', 'store']),
            measure: z.enum(['points', 'discount', 'applications']),
            max: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
            period: z.union([
              z.literal('lifetime'),
              z.object({ unit: z.enum(['day', 'week', 'month', 'quarter', 'year']), calendar: z.enum(['jalali', 'gregorian']).optional() }).strict(),
            ]),
          })
          .strict(),
      )
      .max(20)
      .default([])
      .describe('Budgets and limits: per campaign, member or store, of points, discount or applications, for its lifetime or per (Jalali or Gregorian) period'),
    rules: z
      .array(
        z
          .object({
            id: z.string().trim().min(1).max(100),
            trigger: z.string().min(1).max(50),
            eventName: z.string().min(1).max(100).optional().describe('custom-event rules: the event name'),
            condition: z.string().max(10_000).default('true').describe('A CEL expression over cart, member, store, channel and time'),
            effects: z.array(z.record(z.string(), z.unknown())).max(20),
          })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict();
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const campaignViewSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(['draft', 'scheduled', 'active', 'paused', 'ended']),
  definition: campaignInputSchema,
  createdAt: isoTime,
  updatedAt: isoTime,
  history: z.array(z.object({ at: isoTime, action: z.string(), version: z.number().int(), operator: z.string() })),
});
export type CampaignView = z.infer<typeof campaignViewSchema>;

export const campaignActionSchema = z.enum(['publish', 'pause', 'resume', 'end']);

export const couponBatchInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    campaignId: z.uuid().optional().describe('The campaign whose rules see these coupons'),
    prefix: z
      .string()
      .regex(/^[A-Z0-9]{0,8}$/, 'up to 8 capital letters or digits')
      .default('')
      .describe('Printed before the random part, e.g. YALDA'),
    count: z.number().int().min(1).max(100_000),
    maxUsesPerCode: z.number().int().min(1).nullable().default(1).describe('1 = single use; null = unlimited'),
    perMemberLimit: z.number().int().min(1).nullable().default(1).describe('Uses of this batch per member; null = unlimited'),
    validFrom: isoTime.nullable().default(null),
    validUntil: isoTime.nullable().default(null).describe('Exclusive'),
  })
  .strict();
export type CouponBatchInput = z.infer<typeof couponBatchInputSchema>;

export const couponBatchViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  campaignId: z.uuid().nullable(),
  prefix: z.string(),
  count: z.number().int(),
  maxUsesPerCode: z.number().int().nullable(),
  perMemberLimit: z.number().int().nullable(),
  validFrom: isoTime.nullable(),
  validUntil: isoTime.nullable(),
  createdAt: isoTime,
});

export const couponCheckSchema = z.object({
  code: z.string(),
  valid: z.boolean(),
  reason: z.enum(['unknown', 'not-yet-valid', 'expired', 'used-up', 'member-limit', 'inactive']).nullable(),
  batchId: z.uuid().nullable(),
  campaignId: z.uuid().nullable(),
});

/** A checkout to evaluate (the gateway sends it with the member's facts from members). */
export const checkoutEvaluationRequestSchema = z
  .object({
    transactionId: z.string().min(1).max(100),
    requestHash: z.string().min(16).max(128),
    at: isoTime.optional().describe('Default: now'),
    member: z
      .object({
        id: z.uuid(),
        tier: z.string().max(50).nullable().default(null),
        tenureDays: z.number().int().min(0),
        segments: z.array(z.string().max(200)).max(200).default([]),
        personas: z.array(z.string().max(200)).max(50).default([]),
        journeyStage: z.string().max(50).nullable().default(null),
        attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
        birthDate: z.iso.date().nullable().default(null),
      })
      .strict(),
    cart: z
      .object({
        amount: z.number().int().min(0),
        currency: z.string().regex(/^[A-Z]{3}$/),
        lines: z
          .array(z.object({ sku: z.string().min(1).max(100), category: z.string().max(100).nullable().default(null), quantity: z.number().int().min(1), unitPrice: z.number().int().min(0) }).strict())
          .max(500)
          .default([]),
      })
      .strict(),
    basePoints: z.number().int().min(0).describe('What the flat earn rate gives; multipliers are a percentage of it'),
    store: z.string().min(1).max(100).nullable().default(null),
    channel: z.string().min(1).max(50).nullable().default(null),
    couponBatches: z.array(z.uuid()).max(20).default([]).describe('The batches of the coupons redeemed with the checkout'),
  })
  .strict();
export type CheckoutEvaluationRequest = z.infer<typeof checkoutEvaluationRequestSchema>;

/** One applied campaign effect with its provenance (campaign, version, rule), as the breakdown, the ledger and the events carry it. */
export const checkoutEffectSchema = z.object({
  campaignId: z.uuid(),
  version: z.number().int(),
  ruleId: z.string(),
  kind: z.string(),
  points: z.number().int(),
  discount: z.number().int(),
  description: z.string(),
  reference: z.string().nullable().default(null).describe('The badge code (award-badge), challenge code (advance-challenge) or coupon batch id (issue-coupon); null otherwise'),
  steps: z.number().int().min(0).default(0).describe('advance-challenge: the steps the challenge advances; 0 otherwise'),
});
export type CheckoutEffect = z.infer<typeof checkoutEffectSchema>;

export const checkoutEvaluationSchema = z.object({
  transactionId: z.string(),
  effects: z.array(checkoutEffectSchema),
  totals: z.object({ points: z.number().int(), discount: z.number().int() }),
  replayed: z.boolean(),
});
export type CheckoutEvaluation = z.infer<typeof checkoutEvaluationSchema>;

/** A hypothetical checkout (and optionally a draft campaign) for `POST /v1/campaigns/simulate`. */
export const simulationRequestSchema = z
  .object({
    checkout: checkoutEvaluationRequestSchema.omit({ transactionId: true, requestHash: true }),
    draft: campaignInputSchema.optional().describe('A campaign not yet published, evaluated together with the live ones'),
  })
  .strict();
