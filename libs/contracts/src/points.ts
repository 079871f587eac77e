import { z } from 'zod';

const calendar = z.enum(['jalali', 'gregorian']);
const rounding = z.enum(['floor', 'ceil', 'half-up', 'half-even']);

/** When lots expire (see apps/points/src/domain/expiry.ts for the exact semantics). */
export const expiryPolicySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }).strict(),
  z
    .object({
      kind: z.literal('after'),
      n: z.number().int().min(1).max(3650),
      unit: z.enum(['days', 'months']),
      calendar: calendar.optional().describe('Counts the months and rounds; default gregorian'),
      roundTo: z.enum(['month', 'quarter', 'year']).optional().describe('Extend to the end of the month, quarter or year containing the last day'),
    })
    .strict(),
  z
    .object({ kind: z.literal('fixed-yearly'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), calendar })
    .strict()
    .describe('Everything expires at the end of this day each year (Esfand 30 → 29 in a common year)'),
]);

/** A tenant's ledger rules. Every field has a default, so a tenant that never set one gets the defaults. */
export const ledgerPolicySchema = z
  .object({
    pendingDays: z.number().int().min(0).max(365).nullable().default(0).describe('Days earned points stay pending (0: active at once; null: until accepted)'),
    expiry: expiryPolicySchema.default({ kind: 'never' }),
    negativeBalance: z.enum(['only-pending', 'within-balance', 'allow-negative']).default('within-balance'),
    holdTtlSeconds: z.number().int().min(10).max(7 * 86_400).default(900).describe('A hold not captured within this time is released on its own'),
    warnDaysBefore: z.number().int().min(0).max(365).default(30).describe('points.lot.expiring.v1 this many days before a lot expires (0: no warning)'),
    pointValue: z
      .object({ minorUnits: z.number().int().min(0), perPoints: z.number().int().min(1), rounding: rounding.default('half-even') })
      .strict()
      .default({ minorUnits: 0, perPoints: 1, rounding: 'half-even' })
      .describe('What points are worth, for the liability report: minorUnits per perPoints points'),
    earnRounding: rounding.default('floor').describe('Rounding of amount × earn rate'),
  })
  .strict();
export type LedgerPolicy = z.infer<typeof ledgerPolicySchema>;
