import { z } from 'zod';
import { rewardRedemptionIdSchema, rewardRedemptionViewSchema } from '@club/contracts';
import {
  attributeDefinitionSchema,
  consentInputSchema,
  memberProfileSchema,
  memberTierSchema,
  profileFieldsSchema,
  tierLadderInputSchema,
  tierLadderSchema,
  tierReviewRequestSchema,
  tierReviewSchema,
} from '@club/contracts';

/**
 * Request and response schemas of the public API: the same objects validate requests and
 * generate the OpenAPI document, so the two cannot drift apart.
 */
const safeInt = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Tehran');

const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as IRR')
  .refine((c) => Intl.supportedValuesOf('currency').includes(c), 'unknown ISO 4217 currency');

export const createTenantSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    timezone: timezone.default('Asia/Tehran'),
    calendar: z.enum(['jalali', 'gregorian']).default('jalali'),
    currency: currency.default('IRR'),
    locale: z.enum(['fa', 'en']).optional().describe('Language of member messages; defaults to fa for the Jalali calendar, en otherwise'),
  })
  .strict();

export const earnRateInputSchema = z
  .object({
    points: z.number().int().min(0).max(1_000_000).describe('Points earned for every perAmount'),
    perAmount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('Minor currency units, e.g. 10000 rials'),
  })
  .strict();

export const earnRateSchema = z.object({
  points: z.number().int(),
  perAmount: z.number().int(),
  isDefault: z.boolean().describe('True while the tenant uses the currency default'),
  rounding: z.enum(['floor', 'ceil', 'half-up', 'half-even']).describe('How amount × points / perAmount is rounded: the ledger policy’s earnRounding'),
});

export const tenantSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  calendar: z.enum(['jalali', 'gregorian']),
  currency: z.string(),
  locale: z.enum(['fa', 'en']),
  createdAt: z.iso.datetime(),
  apiKey: z.string().describe('Shown once; store it safely. Only its hash is kept.'),
});

export const enrolMemberSchema = profileFieldsSchema.extend({
  phone: z.string().min(1).max(40).describe('Iranian mobile in any common form: 0912…, +98912…, 0098912…, 912…, Persian or Arabic digits'),
  referralCode: z.string().trim().min(4).max(16).optional().describe('The inviting member’s referral code'),
});

export { tierLadderInputSchema, tierLadderSchema, memberTierSchema, tierReviewRequestSchema, tierReviewSchema };
export const tierLadderListSchema = z.object({ items: z.array(tierLadderSchema) });

/** RFC 7396 merge patch of the profile: absent = unchanged, null = cleared, arrays replaced, attributes merged per key. */
export const memberPatchSchema = profileFieldsSchema;

export const memberSchema = memberProfileSchema.omit({ birthDate: true }).extend({
  id: z.uuid(),
  cardNumber: z.string().describe('The current card: 16 digits, the last a Luhn check digit'),
  phone: z.string().describe('E.164'),
  birthDate: z.string().nullable().describe('Gregorian ISO date'),
  birthDateJalali: z.string().nullable().describe('The same date in the Jalali calendar'),
  referralCode: z.string().describe('This member’s code for inviting friends'),
  referredBy: z.uuid().nullable(),
  journeyStage: z.string(),
  createdAt: z.iso.datetime(),
});

export const consentRequestSchema = consentInputSchema;
export const attributeRequestSchema = attributeDefinitionSchema;
export const attributeListSchema = z.object({ items: z.array(attributeDefinitionSchema) });

export const cardSchema = z.object({
  cardNumber: z.string(),
  memberId: z.uuid(),
  status: z.enum(['active', 'blocked', 'replaced']),
  issuedAt: z.iso.datetime(),
  replacedBy: z.string().nullable(),
  barcode: z.object({ format: z.literal('code128'), payload: z.string() }),
  qr: z.object({ payload: z.string() }),
});
export const cardListSchema = z.object({ items: z.array(cardSchema) });
export const cardActionSchema = z.object({ reason: z.string().trim().min(1).max(200).optional() }).strict();

export const findMembersQuerySchema = z
  .object({
    phone: z.string().min(1).max(40).optional(),
    cardNumber: z.string().min(1).max(40).optional(),
    email: z.string().min(3).max(254).optional(),
  })
  .strict()
  .refine((q) => [q.phone, q.cardNumber, q.email].filter((v) => v !== undefined).length === 1, 'give exactly one of phone, cardNumber or email');

export const memberListSchema = z.object({ items: z.array(memberSchema) });

export const memberRefSchema = z
  .object({
    cardNumber: z.string().min(1).max(40).optional(),
    phone: z.string().min(1).max(40).optional(),
    memberId: z.uuid().optional(),
  })
  .strict()
  .refine((m) => [m.cardNumber, m.phone, m.memberId].filter((v) => v !== undefined).length === 1, 'give exactly one of cardNumber, phone or memberId');

export const checkoutSchema = z
  .object({
    transactionId: z.string().min(1).max(100).describe('The till’s id for this sale; the idempotency key. Its first outcome is final: a sale refused (422: not enough points to redeem) keeps answering 422; send a corrected sale under a new id'),
    storeId: z.string().min(1).max(100),
    member: memberRefSchema,
    amount: safeInt.describe('Integer amount in the tenant currency’s minor unit'),
    currency: z.string().regex(/^[A-Z]{3}$/),
    items: z
      .array(
        z
          .object({
            sku: z.string().min(1).max(100),
            category: z.string().min(1).max(100).optional(),
            quantity: z.number().int().min(1).max(1_000_000),
            unitPrice: safeInt,
          })
          .strict(),
      )
      .max(500)
      .optional(),
    redeemPoints: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().describe('Points the member spends on this sale: taken with the checkout, all or nothing (422 when not enough)'),
    coupons: z
      .array(z.string().min(1).max(40))
      .max(20)
      .optional()
      .describe('Coupon codes presented: redeemed with the checkout, all or none (a mistyped code is 400, an unusable one 422 naming it); restored when the sale is refused or wholly returned'),
    channel: z.string().min(1).max(50).default('pos').describe('Where the sale happened (campaign targeting): pos, web, app …'),
  })
  .strict();

export const balanceSchema = z.object({ available: z.number().int(), pending: z.number().int() });

export const checkoutEffectSchema = z.object({
  campaignId: z.uuid(),
  version: z.number().int(),
  ruleId: z.string(),
  kind: z.string().describe('points-fixed, points-per-amount, points-per-line, points-multiplier, tier-multiplier, discount-amount, discount-percent, issue-coupon, award-badge, advance-challenge'),
  points: z.number().int().optional().describe('Points effects: the points it gave'),
  discount: z.number().int().optional().describe('Discount effects: minor units off the sale'),
  reference: z.string().optional().describe('The badge, challenge or coupon batch it awards'),
  description: z.string().describe('Receipt text'),
});

export const checkoutResultSchema = z.object({
  transactionId: z.string(),
  memberId: z.uuid(),
  pointsEarned: z.number().int().describe('basePoints + campaignPoints'),
  basePoints: z.number().int().describe('What the earn rate gives'),
  campaignPoints: z.number().int(),
  pointsRedeemed: z.number().int(),
  discount: z.number().int().describe('Minor units the campaigns take off the sale (the till applies it)'),
  breakdown: z.array(checkoutEffectSchema).describe('Every campaign effect applied, with its provenance'),
  coupons: z.array(z.string()).describe('Coupon codes redeemed with the sale'),
  pending: z.boolean().describe('The earned points are pending (they activate later)'),
  balance: balanceSchema,
});

export const pointsSchema = z.object({
  available: z.number().int().describe('Spendable now (negative only under the allow-negative policy)'),
  pending: z.number().int(),
  held: z.number().int(),
  lifetimeEarned: z.number().int(),
  spent: z.number().int(),
  expired: z.number().int(),
});

const operationId = z.string().trim().min(1).max(100);
const safePoints = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const redemptionRequestSchema = z
  .object({
    redemptionId: operationId.describe('The caller’s id for this redemption; the idempotency key (tenant-wide)'),
    points: safePoints,
    reason: z.string().trim().min(1).max(200).optional(),
    hold: z.boolean().default(false).describe('Hold the points (capture or release later; a hold expires on its own)'),
  })
  .strict();

export const redemptionResultSchema = z.object({
  redemptionId: z.string(),
  memberId: z.uuid(),
  status: z.enum(['held', 'captured', 'released', 'expired']),
  points: z.number().int(),
  holdExpiresAt: z.iso.datetime().nullable(),
  balance: pointsSchema,
});

export const adjustmentRequestSchema = z
  .object({
    adjustmentId: operationId.describe('The idempotency key (tenant-wide)'),
    points: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).refine((n) => n !== 0, 'must not be 0').describe('Positive credits, negative debits'),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();

export const adjustmentResultSchema = z.object({ adjustmentId: z.string(), memberId: z.uuid(), points: z.number().int(), balance: pointsSchema });

export const returnRequestSchema = z
  .object({
    returnId: operationId.describe('The idempotency key (tenant-wide)'),
    items: z
      .array(z.object({ sku: z.string().min(1).max(100), quantity: z.number().int().min(1).max(1_000_000) }).strict())
      .min(1)
      .max(500)
      .optional(),
    amount: safePoints.optional().describe('Minor units returned, when the till does not send items'),
  })
  .strict()
  .refine((r) => (r.items === undefined) !== (r.amount === undefined), 'give either items or amount');

export const returnResultSchema = z.object({
  transactionId: z.string(),
  returnId: z.string(),
  memberId: z.uuid(),
  pointsReversed: z.number().int().describe('Earned points taken back'),
  pointsRefunded: z.number().int().describe('Redeemed points given back'),
  pointsForgiven: z.number().int().describe('Reversal the club’s negative-balance policy did not take'),
  pointsNegative: z.number().int().describe('Reversal taken beyond the balance (allow-negative)'),
  balance: pointsSchema,
});

export const entriesQuerySchema = z.object({ cursor: z.string().min(1).max(200).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }).strict();

export const entryPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      points: z.number().int(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      reference: z.string(),
      reason: z.string().nullable(),
      operator: z.string().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
  nextCursor: z.string().nullable(),
});


export const inboxSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      locale: z.enum(['fa', 'en']),
      createdAt: z.iso.datetime(),
    }),
  ),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
});

export type CreateTenantInput = z.infer<typeof createTenantSchema>;
export type EnrolMemberInput = z.infer<typeof enrolMemberSchema>;
export type MemberPatch = z.infer<typeof memberPatchSchema>;
export type CheckoutInput = z.infer<typeof checkoutSchema>;
export type MemberView = z.infer<typeof memberSchema>;
export type CardView = z.infer<typeof cardSchema>;
export type CheckoutResult = z.infer<typeof checkoutResultSchema>;

/** Gamification (issue 5): definitions as the contracts declare them; a PUT takes the code from its path. */
export {
  badgeInputSchema as badgeRequestSchema,
  badgeViewSchema,
  badgeListSchema,
  challengeInputSchema as challengeRequestSchema,
  challengeViewSchema,
  challengeListSchema,
  streakInputSchema as streakRequestSchema,
  streakViewSchema,
  streakListSchema,
  memberProgressSchema,
} from '@club/contracts';

/** Rewards (issue 5): the catalogue's documents are the contracts' (rewards.ts); these are the HTTP edges. */
export const rewardRedemptionRequestSchema = z
  .object({
    rewardId: z.uuid(),
    redemptionId: rewardRedemptionIdSchema,
  })
  .strict();

export const rewardRedemptionResultSchema = rewardRedemptionViewSchema.extend({
  balance: pointsSchema.describe('The member’s points after the capture (as points answered it the first time)'),
});

export const rewardListQuerySchema = z
  .object({
    status: z.enum(['active', 'archived']).optional(),
    available: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('true: only what can be redeemed now (active, inside its window, in stock)'),
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

export const rewardRedemptionListQuerySchema = z
  .object({
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();
