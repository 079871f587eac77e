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

const tierCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);

export const tierLadderInputSchema = z
  .object({
    effectiveFrom: z.iso.datetime({ offset: true }).optional().describe('Default: now. Never earlier than the latest version.'),
    metric: z.enum(['tier-points', 'spend', 'purchase-count']).describe('tier-points = points earned (redemptions do not reduce them)'),
    window: tierWindowSchema,
    levels: z
      .array(
        z
          .object({
            code: tierCode,
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
    formerCodes: z
      .record(tierCode, tierCode)
      .optional()
      .describe(
        'Where members holding codes this version no longer has now stand: a former code (of an earlier version) → a code of this version, ' +
          'e.g. {"silver": "argent"} to rename silver. Every code of the version this one follows (the one in force just before effectiveFrom) ' +
          'that this version drops must be mapped, or the request is rejected (400, pointer #/formerCodes, naming the unmapped codes); keys ' +
          'must be codes of an earlier version that this version does not have. Stored standings are not rewritten: they are read through ' +
          'the maps of every later version (silver → argent → plata). A rename onto the same rank is not a tier move; a mapping onto a ' +
          'level of another rank is recorded as a move with reason "ladder-change", dated at this version’s effectiveFrom.',
      ),
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

/** A scores, segments or journey recompute over every member of the club (a resumable job). */
export const memberPassSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['scores', 'segments', 'journey']),
  scheduledFor: z.string().nullable().describe('The club-local date of a scheduled daily pass; null when requested through the API'),
  status: z.enum(['pending', 'running', 'completed', 'failed']),
  asOf: z.iso.datetime().describe('The instant the pass judges (recency, tenure and journey days are counted to it)'),
  processed: z.number().int().describe('Members handled so far'),
  changed: z.number().int().describe('Members whose scores, segment membership or stage changed'),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type MemberPassView = z.infer<typeof memberPassSchema>;
