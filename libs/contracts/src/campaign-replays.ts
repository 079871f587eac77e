import { z } from 'zod';
import { campaignInputSchema } from './campaigns';

/**
 * Replays of a campaign over real checkouts (the JSON documents of the StartCampaignReplay and
 * GetCampaignReplay RPCs, `POST /v1/campaigns/replay` and `GET /v1/campaign-replays/{id}`): what a
 * draft would have cost over the last N days, as an asynchronous leased job. Sums over many
 * checkouts are decimal strings (exact beyond 2^53).
 */

const isoTime = z.iso.datetime({ offset: true });
const total = z.string().regex(/^-?\d+$/).describe('An integer as a decimal string (exact beyond 2^53)');

export const campaignReplayRequestSchema = z
  .object({
    draft: campaignInputSchema.optional().describe('A campaign not yet saved'),
    campaignId: z.uuid().optional().describe('A saved campaign (its current version; usually a draft or a paused one)'),
    days: z.number().int().min(1).max(90).describe('The checkouts recorded over the last `days` days'),
  })
  .strict()
  .refine((r) => (r.draft === undefined) !== (r.campaignId === undefined), { message: 'give either draft or campaignId', path: ['draft'] });
export type CampaignReplayRequest = z.infer<typeof campaignReplayRequestSchema>;

export const campaignReplayRuleSchema = z.object({
  ruleId: z.string(),
  checkouts: z.number().int().describe('Checkouts the rule gave something to'),
  points: total,
  discount: total,
});

export const campaignReplaySchema = z.object({
  id: z.uuid(),
  status: z.enum(['pending', 'running', 'completed', 'failed']),
  campaignId: z.uuid().nullable().describe('The saved campaign replayed; null for a draft'),
  name: z.string(),
  days: z.number().int(),
  from: isoTime.describe('The window scanned: checkouts recorded from (inclusive) …'),
  to: isoTime.describe('… to (exclusive) the instant the replay was requested'),
  liveCampaigns: z.number().int().describe('Live campaigns it was stacked with (fixed when the replay started)'),
  scanned: z.number().int().describe('Checkouts replayed so far'),
  matched: z.number().int().describe('Checkouts the campaign gave something to'),
  membersReached: z.number().int().describe('Distinct members among them'),
  skipped: z.number().int().describe('Recorded checkouts whose facts could not be evaluated (counted in scanned)'),
  points: total.describe('The campaign’s incremental points: what the checkouts earn with it minus without it'),
  discount: total.describe('The campaign’s incremental discount (minor units), likewise'),
  campaign: z.object({ points: total, discount: total }).describe('What the campaign’s own effects gave'),
  displaced: z.object({ points: total, discount: total }).describe('What the live campaigns no longer gave because of it (stacking groups, exclusivity, shared caps)'),
  rules: z.array(campaignReplayRuleSchema).describe('The campaign’s own effects per rule'),
  budgetExhaustedAt: z
    .object({ at: isoTime, transactionId: z.string(), limit: z.string().describe('The counter key, e.g. campaign:<id>/campaign/points/lifetime') })
    .nullable()
    .describe('The first checkout after which one of the campaign’s campaign-wide limits had nothing left (or that it cut)'),
  error: z.string().nullable(),
  createdAt: isoTime,
  startedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
});
export type CampaignReplayView = z.infer<typeof campaignReplaySchema>;
