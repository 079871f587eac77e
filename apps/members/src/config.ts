import { z } from 'zod';
import { baseConfigSchema } from '@club/platform-config';

export const membersConfigSchema = baseConfigSchema.extend({
  /** Leading digits of issued card numbers (outside the Iranian bank-card ranges). */
  CARD_PREFIX: z.string().regex(/^\d{1,8}$/, 'must be 1-8 digits').default('7091'),
  /** How often the scheduler looks for due passes and tier reviews (0 switches it off). */
  MEMBERS_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  /** The club-local hour from which the daily journey, scores and segments passes run. */
  MEMBERS_DAILY_PASS_HOUR: z.coerce.number().int().min(0).max(23).default(2),
});
export type MembersConfig = z.infer<typeof membersConfigSchema>;
