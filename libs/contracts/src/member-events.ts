import { z } from 'zod';

/**
 * Member events campaigns evaluate rules for (issue 5, "Event-triggered rules"): custom events a
 * club posts (`POST /v1/members/{id}/events`, RPC `RecordMemberEvent`) and the points campaigns
 * award for them (`AwardPoints` on the points service). JSON documents over gRPC.
 */

const MAX_PROPERTIES = 50;

/** A custom event's property value: a string, a finite number or a boolean (rules read them as `event.properties`). */
export const eventPropertyValueSchema = z.union([z.string().max(1000), z.number().finite(), z.boolean()]);

/** The body of `POST /v1/members/{memberId}/events`. `eventId` is the idempotency key (per club). */
export const customEventInputSchema = z.object({
  eventId: z.string().trim().min(1).max(100),
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits, dot, underscore, colon or dash'),
  properties: z
    .record(z.string().min(1).max(100), eventPropertyValueSchema)
    .refine((p) => Object.keys(p).length <= MAX_PROPERTIES, `at most ${MAX_PROPERTIES} properties`)
    .default({}),
});
export type CustomEventInput = z.infer<typeof customEventInputSchema>;

/** `RecordMemberEvent` request. */
export const recordMemberEventRequestSchema = z.object({ memberId: z.uuid(), event: customEventInputSchema });

/** One (campaign, rule) that fired for a member event. `kinds`: its effects other than points (badges, challenge steps, coupons), listed, not applied for member events yet. */
export const memberEventAwardSchema = z.object({
  campaignId: z.uuid(),
  version: z.number().int().min(1),
  ruleId: z.string(),
  points: z.number().int().min(0),
  kinds: z.array(z.string()),
});
export type MemberEventAward = z.infer<typeof memberEventAwardSchema>;

/** What the campaigns' rules gave for one member event: `points` credited (Σ awards); `replayed` when the eventId was recorded before (nothing counted or credited again). */
export const memberEventResultSchema = z.object({
  eventId: z.string(),
  memberId: z.uuid(),
  points: z.number().int().min(0),
  awards: z.array(memberEventAwardSchema),
  replayed: z.boolean(),
});
export type MemberEventResult = z.infer<typeof memberEventResultSchema>;

/** `AwardPoints` request (points service; called by campaigns only). */
export const awardPointsRequestSchema = z.object({
  awardId: z.string().min(1).max(300),
  memberId: z.uuid(),
  points: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  reason: z.string().trim().min(1).max(500),
  provenance: z.object({
    basePoints: z.literal(0),
    campaigns: z
      .array(z.object({ campaignId: z.uuid(), version: z.number().int().min(1), ruleId: z.string().min(1).max(200), kind: z.string().min(1).max(50), points: z.number().int().min(0) }))
      .min(1)
      .max(100),
  }),
});
export type AwardPointsRequest = z.infer<typeof awardPointsRequestSchema>;
