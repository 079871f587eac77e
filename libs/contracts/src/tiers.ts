import { z } from 'zod';

/**
 * Tier ladders as clubs define them (shared by the gateway and the members service). A new
 * definition is a new version with its own effective date: editing never rewrites history.
 */
export const tierWindowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rolling-months'), months: z.number().int().min(1).max(60) }).strict(),
  z.object({ kind: z.literal('calendar-year') }).strict(),
  z.object({ kind: z.literal('jalali-year') }).strict(),
  z.object({ kind: z.literal('anniversary') }).strict().describe('the member’s enrolment anniversary'),
]);

export const tierLadderInputSchema = z
  .object({
    effectiveFrom: z.iso.datetime({ offset: true }).optional().describe('Default: now. Never earlier than the latest version.'),
    metric: z.enum(['tier-points', 'spend', 'purchase-count']).describe('tier-points = points earned (redemptions do not reduce them)'),
    window: tierWindowSchema,
    levels: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
            name: z.string().trim().min(1).max(100),
            threshold: z.number().int().min(0),
            multiplierPercent: z.number().int().min(1).max(10_000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(20),
    downgrade: z.enum(['one-level', 'to-earned']),
    graceDays: z.number().int().min(0).max(3660),
  })
  .strict();

export type TierLadderInput = z.infer<typeof tierLadderInputSchema>;
export type TierWindow = z.infer<typeof tierWindowSchema>;

export const tierLadderSchema = tierLadderInputSchema.extend({
  version: z.number().int().min(1),
  effectiveFrom: z.iso.datetime({ offset: true }),
});
export type TierLadderView = z.infer<typeof tierLadderSchema>;

export const memberTierSchema = z.object({
  code: z.string().nullable().describe('null while the club has no tier ladder'),
  name: z.string().nullable(),
  since: z.iso.datetime().nullable(),
  graceUntil: z.iso.datetime().nullable(),
  ladderVersion: z.number().int().nullable(),
  metric: z.enum(['tier-points', 'spend', 'purchase-count']).nullable(),
  metricValue: z.number().int(),
  window: z.object({ start: z.iso.datetime(), end: z.iso.datetime() }).nullable(),
  progress: z.object({ nextCode: z.string().nullable(), remaining: z.number().int(), percent: z.number().int() }).nullable(),
  multiplierPercent: z.number().int(),
  memberSince: z.iso.datetime(),
  tenureDays: z.number().int(),
  history: z.array(
    z.object({ from: z.string().nullable(), to: z.string(), direction: z.enum(['up', 'down', 'initial']), reason: z.string(), ladderVersion: z.number().int(), at: z.iso.datetime() }),
  ),
});
export type MemberTierView = z.infer<typeof memberTierSchema>;

export const tierReviewRequestSchema = z
  .object({
    reviewAt: z.iso.datetime({ offset: true }).optional().describe('Default: now. The window judged is the one ending at this instant.'),
    dryRun: z.boolean().default(false).describe('Count and preview the moves without changing anything'),
  })
  .strict();

export const tierReviewSchema = z.object({
  id: z.uuid(),
  reviewAt: z.iso.datetime(),
  dryRun: z.boolean(),
  status: z.enum(['pending', 'running', 'completed', 'failed']),
  ladderVersion: z.number().int().nullable(),
  processed: z.number().int(),
  upgraded: z.number().int(),
  downgraded: z.number().int(),
  graced: z.number().int(),
  kept: z.number().int(),
  preview: z.array(z.object({ memberId: z.uuid(), from: z.string(), to: z.string(), direction: z.enum(['up', 'down', 'kept']), reason: z.string() })),
  error: z.string().nullable(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type TierReviewView = z.infer<typeof tierReviewSchema>;
