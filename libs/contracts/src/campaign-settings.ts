import { z } from 'zod';

/**
 * A club's campaign settings (the JSON documents of the SetCampaignSettings and
 * GetCampaignSettings RPCs, `PUT/GET /v1/campaign-settings`): how each evaluation group stacks its
 * campaigns, and what a point is worth when best-for-customer compares points with discounts.
 * Groups a campaign names but the settings do not list stack all, at priority 0.
 */

const isoTime = z.iso.datetime({ offset: true });

export const CAMPAIGN_GROUP_MODES = ['stack-all', 'first-match', 'best-for-customer'] as const;
export type CampaignGroupMode = (typeof CAMPAIGN_GROUP_MODES)[number];

const groupName = z.string().trim().min(1).max(100);

export const evaluationGroupSettingSchema = z
  .object({
    mode: z
      .enum(CAMPAIGN_GROUP_MODES)
      .describe('stack-all: every campaign that applies; first-match: the first in priority order that applies; best-for-customer: the one worth most to the customer'),
    priority: z.number().int().min(-1_000_000).max(1_000_000).default(0).describe('Groups are evaluated higher first; default 0'),
  })
  .strict();

export const campaignSettingsInputSchema = z
  .object({
    groups: z
      .record(groupName, evaluationGroupSettingSchema)
      .default({})
      .refine((g) => Object.keys(g).length <= 100, 'at most 100 groups')
      .describe('Evaluation group (the `group` campaigns name) → its stacking mode and priority; unlisted groups stack all at priority 0'),
    pointValue: z
      .object({
        minorUnits: z.number().int().min(0).max(1_000_000_000),
        perPoints: z.number().int().min(1).max(1_000_000_000),
      })
      .strict()
      .default({ minorUnits: 1, perPoints: 1 })
      .describe('What points are worth to the customer when best-for-customer compares them with discounts: minorUnits minor currency units per perPoints points (compared exactly, no rounding)'),
  })
  .strict();
export type CampaignSettingsInput = z.infer<typeof campaignSettingsInputSchema>;

export const campaignSettingsSchema = campaignSettingsInputSchema.extend({
  version: z.number().int().min(0).describe('0: never set (the defaults)'),
  updatedAt: isoTime.nullable(),
  updatedBy: z.string().nullable(),
});
export type CampaignSettingsView = z.infer<typeof campaignSettingsSchema>;

/** The settings in force when none were ever saved. */
export const DEFAULT_CAMPAIGN_SETTINGS: CampaignSettingsInput = { groups: {}, pointValue: { minorUnits: 1, perPoints: 1 } };
