import { join } from 'node:path';

/** Root of the .proto tree; the single source of every gRPC contract. */
export const PROTO_ROOT = join(__dirname, '..', 'proto');

/** Options for @grpc/proto-loader; gen.sh generates the TypeScript types with the same ones. */
export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
} as const;

export type ServiceName = 'gateway' | 'members' | 'points' | 'campaigns' | 'feedback' | 'notifications';

export const SERVICE_NAMES: readonly ServiceName[] = [
  'gateway',
  'members',
  'points',
  'campaigns',
  'feedback',
  'notifications',
];

/** What each service serves over gRPC: its proto package, file and service name. */
export const GRPC_SERVICES: Record<ServiceName, { package: string; protoPath: string; service: string }> = {
  gateway: { package: 'club.gateway.v1', protoPath: 'club/gateway/v1/gateway.proto', service: 'TenantDirectory' },
  members: { package: 'club.members.v1', protoPath: 'club/members/v1/members.proto', service: 'MembersService' },
  points: { package: 'club.points.v1', protoPath: 'club/points/v1/points.proto', service: 'PointsService' },
  campaigns: {
    package: 'club.campaigns.v1',
    protoPath: 'club/campaigns/v1/campaigns.proto',
    service: 'CampaignsService',
  },
  feedback: { package: 'club.feedback.v1', protoPath: 'club/feedback/v1/feedback.proto', service: 'FeedbackService' },
  notifications: {
    package: 'club.notifications.v1',
    protoPath: 'club/notifications/v1/notifications.proto',
    service: 'NotificationsService',
  },
};

export const HEALTH_PROTO = { package: 'grpc.health.v1', protoPath: 'grpc/health/v1/health.proto', service: 'Health' };
