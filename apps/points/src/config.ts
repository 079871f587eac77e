import { z } from 'zod';
import { baseConfigSchema } from '@club/platform-config';

export const pointsConfigSchema = baseConfigSchema.extend({
  /** How often the ledger job scheduler looks for due runs (0 switches it off). */
  POINTS_JOBS_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  /** The tenant-local hour from which the day's activation, expiry and warning runs are requested (lots expire at local midnight). */
  POINTS_DAILY_JOBS_HOUR: z.coerce.number().int().min(0).max(23).default(0),
  /** The hold sweep's period: a tenant with expired holds gets at most one release run per period. */
  POINTS_HOLD_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
});
export type PointsConfig = z.infer<typeof pointsConfigSchema>;
