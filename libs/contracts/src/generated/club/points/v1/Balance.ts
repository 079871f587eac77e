// Original file: proto/club/points/v1/points.proto

import type { Long } from '@grpc/proto-loader';

export interface Balance {
  'available'?: (number | string | Long);
  'pending'?: (number | string | Long);
  'lifetimeEarned'?: (number | string | Long);
}

export interface Balance__Output {
  'available': (number);
  'pending': (number);
  'lifetimeEarned': (number);
}
