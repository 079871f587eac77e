import { z } from 'zod';
import { baseConfigSchema } from '@club/platform-config';

export const membersConfigSchema = baseConfigSchema.extend({
  /** Leading digits of issued card numbers (outside the Iranian bank-card ranges). */
  CARD_PREFIX: z.string().regex(/^\d{1,8}$/, 'must be 1-8 digits').default('7091'),
});
export type MembersConfig = z.infer<typeof membersConfigSchema>;
