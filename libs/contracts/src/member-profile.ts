import { z } from 'zod';

/**
 * The member profile (PRODUCT.md, Members): shared by the gateway (validates requests) and the
 * members service (validates gRPC payloads), so both edges use the same schema. It travels in
 * gRPC as JSON (`profile_json`, `merge_patch`) because a merge patch needs "absent" vs "null".
 */
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const MARITAL_STATUSES = ['single', 'married', 'other', 'undisclosed'] as const;
export const ECONOMIC_BANDS = ['low', 'lower-middle', 'middle', 'upper-middle', 'high'] as const;
export const CHANNELS = ['sms', 'email', 'push', 'in-app', 'telegram', 'whatsapp', 'web'] as const;
export const ATTRIBUTE_TYPES = ['string', 'number', 'boolean', 'date', 'enum'] as const;

export type Channel = (typeof CHANNELS)[number];
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

const label = z.string().trim().min(1).max(60);
const text = z.string().trim().min(1).max(500);
const tags = z.array(label).max(50);

/** A date given in either calendar: `YYYY-MM-DD` (tenant's calendar) or explicit. */
export const dateInputSchema = z.union([
  z.string().min(8).max(12),
  z.object({ calendar: z.enum(['jalali', 'gregorian']), date: z.string().min(8).max(12) }).strict(),
]);

export const attributeValueSchema = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]);

/** Fields a client may set (enrol) or change (merge patch). `null` clears a field in a patch. */
export const profileFieldsSchema = z
  .object({
    firstName: z.string().trim().min(1).max(100).nullable(),
    lastName: z.string().trim().min(1).max(100).nullable(),
    email: z.email().max(254).nullable(),
    birthDate: dateInputSchema.nullable(),
    gender: z.enum(GENDERS).nullable(),
    maritalStatus: z.enum(MARITAL_STATUSES).nullable(),
    economicBand: z.enum(ECONOMIC_BANDS).nullable(),
    interests: tags,
    lifestyle: tags,
    preferredChannels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
    primaryNeed: text.nullable(),
    secondaryNeeds: z.array(text).max(20),
    joinReason: text.nullable(),
    competitorExperience: text.nullable(),
    locale: z.enum(['fa', 'en']),
    attributes: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), attributeValueSchema),
  })
  .partial()
  .strict();

export type ProfileFields = z.infer<typeof profileFieldsSchema>;

/** A consent decision per channel, with when and how it was given or withdrawn. */
export const consentSchema = z.object({
  granted: z.boolean(),
  source: z.string(),
  recordedAt: z.iso.datetime(),
});

/** The whole profile as the members service returns it. */
export const memberProfileSchema = z.object({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  birthDate: z.object({ gregorian: z.string(), jalali: z.string() }).nullable(),
  gender: z.enum(GENDERS).nullable(),
  maritalStatus: z.enum(MARITAL_STATUSES).nullable(),
  economicBand: z.enum(ECONOMIC_BANDS).nullable(),
  interests: z.array(z.string()),
  lifestyle: z.array(z.string()),
  preferredChannels: z.array(z.enum(CHANNELS)),
  primaryNeed: z.string().nullable(),
  secondaryNeeds: z.array(z.string()),
  joinReason: z.string().nullable(),
  competitorExperience: z.string().nullable(),
  locale: z.enum(['fa', 'en']),
  attributes: z.record(z.string(), attributeValueSchema),
  consents: z.partialRecord(z.enum(CHANNELS), consentSchema),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});

export type MemberProfile = z.infer<typeof memberProfileSchema>;

export const attributeDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _ (max 40), starting with a letter'),
    type: z.enum(ATTRIBUTE_TYPES),
    label: z.string().trim().min(1).max(100),
    options: z.array(z.string().min(1).max(60)).min(1).max(100).optional(),
  })
  .strict()
  .refine((d) => (d.type === 'enum') === (d.options !== undefined), 'options are required for enum attributes and only for them');

export type AttributeDefinition = z.infer<typeof attributeDefinitionSchema>;

export const consentInputSchema = z
  .object({
    channel: z.enum(CHANNELS),
    granted: z.boolean(),
    source: z.string().trim().min(1).max(100).describe('How it was given or withdrawn, e.g. "pos-signature", "app-settings", "sms-stop"'),
  })
  .strict();

export const importRequestSchema = z
  .object({
    format: z.enum(['csv', 'jsonl']),
    birthDateCalendar: z.enum(['jalali', 'gregorian']).optional().describe('Calendar of plain birth dates in the file, when not the club’s'),
  })
  .strict();

export const importJobSchema = z.object({
  id: z.uuid(),
  format: z.enum(['csv', 'jsonl']),
  birthDateCalendar: z.enum(['jalali', 'gregorian']).nullable(),
  status: z.enum(['uploading', 'pending', 'running', 'completed', 'failed']),
  recordsDone: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), reason: z.string() })).describe('The first 1,000 problems, by file line'),
  warnings: z.array(z.string()),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportJobView = z.infer<typeof importJobSchema>;

/** A manager's rating of a CIVILFORMD factor only people know, with who set it. */
/** A manager's rating (HTTP body). Who set it comes from the caller's credentials, never the body. */
export const manualFactorInputSchema = z
  .object({
    score: z.number().int().min(1).max(5),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .strict();

/** The same over gRPC: the gateway adds the operator it authenticated. */
export const manualFactorRpcSchema = manualFactorInputSchema.extend({
  setBy: z.string().trim().min(1).max(200).describe('The operator: the X-Operator name and the API key label'),
});

export const CIVILFORMD_FACTOR_NAMES = ['cooperation', 'impression', 'viralMarketing', 'income', 'length', 'frequency', 'opportunity', 'recency', 'money', 'debt'] as const;

export const scoringWeightsSchema = z
  .object({ weights: z.partialRecord(z.enum(CIVILFORMD_FACTOR_NAMES), z.number().int().min(0).max(1000)) })
  .strict();

/** A rule-based segment or persona: JSON conditions (all / any / not / {field, op, value}). */
export const segmentInputSchema = z
  .object({
    kind: z.enum(['segment', 'persona']).default('segment'),
    name: z.string().trim().min(1).max(100),
    rule: z.unknown().describe('e.g. {"all":[{"field":"tier","op":"eq","value":"gold"},{"field":"rfm.r","op":"gte","value":4}]}'),
  })
  .strict();

export const journeyThresholdsSchema = z
  .object({
    activeMinPurchases: z.number().int().min(1).max(1000).describe('Purchases that make a member active'),
    atRiskAfterDays: z.number().int().min(1),
    lapsedAfterDays: z.number().int().min(1),
    churnedAfterDays: z.number().int().min(1),
  })
  .strict();
