// Original file: proto/club/points/v1/points.proto

import type { Balance as _club_points_v1_Balance, Balance__Output as _club_points_v1_Balance__Output } from '../../../club/points/v1/Balance';
import type { Long } from '@grpc/proto-loader';

export interface AdjustResponse {
  'adjustmentId'?: (string);
  'memberId'?: (string);
  'points'?: (number | string | Long);
  'balance'?: (_club_points_v1_Balance | null);
  'replayed'?: (boolean);
}

export interface AdjustResponse__Output {
  'adjustmentId': (string);
  'memberId': (string);
  'points': (number);
  'balance': (_club_points_v1_Balance__Output | null);
  'replayed': (boolean);
}
