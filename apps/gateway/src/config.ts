import { z } from 'zod';
import { baseConfigSchema } from '@club/platform-config';

const grpcAddr = z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port');

export const gatewayConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  CLUB_ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters (generate one: openssl rand -hex 24)'),
  MEMBERS_GRPC_ADDR: grpcAddr,
  POINTS_GRPC_ADDR: grpcAddr,
  CAMPAIGNS_GRPC_ADDR: grpcAddr,
  FEEDBACK_GRPC_ADDR: grpcAddr,
  NOTIFICATIONS_GRPC_ADDR: grpcAddr,
  /** Deadline for each call to a service. */
  GRPC_DEADLINE_MS: z.coerce.number().int().min(50).max(60_000).default(5000),
  /** How long an authenticated API key is cached in memory. */
  AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  PUBLIC_BASE_URL: z.url().optional(),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
