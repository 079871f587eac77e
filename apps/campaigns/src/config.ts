import { z } from 'zod';
import { baseConfigSchema } from '@club/platform-config';

export const campaignsConfigSchema = baseConfigSchema.extend({
  /** How often the reward sweep runs (0 switches it off). */
  REWARDS_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
  /**
   * A reward redemption still reserved (or held) this long after its last step is taken as
   * abandoned by the gateway: a reservation goes back to stock; a hold is settled with the points
   * service (captured, or released when points can no longer capture it). Far above a redemption's
   * normal few hundred milliseconds and the gateway's retries.
   */
  REWARDS_RESERVATION_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  /** The points service (host:port), for the sweep to settle abandoned holds; unset: held redemptions wait for the client's retry. */
  POINTS_GRPC_ADDR: z
    .string()
    .regex(/^[^:\s]+:\d+$/, 'must be host:port')
    .optional(),
});
export type CampaignsConfig = z.infer<typeof campaignsConfigSchema>;
