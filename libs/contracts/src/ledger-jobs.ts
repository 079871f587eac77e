import { z } from 'zod';

/**
 * The points service's batch jobs and liability report (the JSON documents of the StartLedgerJob,
 * GetLedgerJob and GetLiability RPCs). Minor-unit values are decimal strings: a tenant's total
 * can pass 2^53, which a JSON number cannot carry exactly.
 */

const isoTime = z.iso.datetime({ offset: true });
const minorUnits = z.string().regex(/^-?\d+$/).describe('Minor currency units as a decimal string (exact beyond 2^53)');

export const LEDGER_JOB_KINDS = ['activate', 'expire', 'warn', 'release-holds'] as const;
export type LedgerJobKind = (typeof LEDGER_JOB_KINDS)[number];

export const ledgerJobRequestSchema = z
  .object({
    kind: z
      .enum(LEDGER_JOB_KINDS)
      .describe(
        'activate: pending lots whose activation time has come; expire: holds past their expiry released, then lots past their expiry expired; warn: points.lot.expiring.v1 for lots expiring within the policy’s warnDaysBefore; release-holds: only the expired holds',
      ),
    at: isoTime.optional().describe('The instant the job judges (default now); a real run cannot be in the future, a dry run can (a preview of what will be due)'),
    dryRun: z.boolean().default(false).describe('Count and value what the run would do, changing nothing'),
  })
  .strict();
export type LedgerJobRequest = z.infer<typeof ledgerJobRequestSchema>;

export const ledgerJobRefSchema = z.object({ id: z.uuid() }).strict();

/** One affected lot or hold, in a dry run's sample. */
export const ledgerJobPreviewItemSchema = z.object({
  memberId: z.uuid(),
  lotId: z.string().nullable(),
  redemptionId: z.string().nullable(),
  points: z.number().int(),
  at: isoTime.nullable().describe('The lot’s activation or expiry instant, or the hold’s expiry'),
});

export const ledgerJobSchema = z.object({
  id: z.uuid(),
  kind: z.enum(LEDGER_JOB_KINDS),
  at: isoTime,
  dryRun: z.boolean(),
  scheduledFor: z.string().nullable().describe('The tenant-local date (or hold-sweep slot) of a scheduled run; null when requested through the API'),
  status: z.enum(['pending', 'running', 'completed', 'failed']),
  processed: z.number().int().describe('Lots activated, expired or warned (would be, in a dry run)'),
  points: z.number().int().describe('Points activated, expired (lots and expired parts of released holds) or warned about'),
  value: minorUnits.describe('What `points` are worth by the tenant’s pointValue, rounded once on the total'),
  holdsReleased: z.number().int(),
  holdPoints: z.number().int().describe('Points the released holds gave back'),
  preview: z.array(ledgerJobPreviewItemSchema).describe('A dry run’s first affected lots and holds (at most 50)'),
  error: z.string().nullable(),
  createdAt: isoTime,
  startedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
});
export type LedgerJobView = z.infer<typeof ledgerJobSchema>;

export const liabilityRequestSchema = z
  .object({ at: isoTime.optional().describe('A past instant: the liability computed from the ledger entries up to it; default now (from the balances)') })
  .strict();
export type LiabilityRequest = z.infer<typeof liabilityRequestSchema>;

export const liabilityReportSchema = z.object({
  at: isoTime,
  source: z.enum(['balances', 'ledger']).describe('balances: the cached balances now; ledger: the sum of the entries up to `at`'),
  currency: z.string(),
  pointValue: z.object({ minorUnits: z.number().int(), perPoints: z.number().int(), rounding: z.enum(['floor', 'ceil', 'half-up', 'half-even']) }),
  points: z.object({
    available: z.number().int().describe('Spendable lots (a member in debt has none; the debt is not netted)'),
    pending: z.number().int(),
    held: z.number().int(),
    outstanding: z.number().int().describe('available + pending + held'),
    debt: z.number().int().describe('Points members owe (negative balances under allow-negative), paid off from their next points'),
  }),
  value: z.object({ outstanding: minorUnits, debt: minorUnits }),
});
export type LiabilityReport = z.infer<typeof liabilityReportSchema>;
