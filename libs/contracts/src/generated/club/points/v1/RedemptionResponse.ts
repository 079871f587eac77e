// Original file: proto/club/points/v1/points.proto

import type { Balance as _club_points_v1_Balance, Balance__Output as _club_points_v1_Balance__Output } from '../../../club/points/v1/Balance';
import type { Long } from '@grpc/proto-loader';

export interface RedemptionResponse {
  'redemptionId'?: (string);
  'memberId'?: (string);
  /**
   * held | captured | released | expired
   */
  'status'?: (string);
  'points'?: (number | string | Long);
  'balance'?: (_club_points_v1_Balance | null);
  /**
   * ISO instant while held
   */
  'holdExpiresAt'?: (string);
  'replayed'?: (boolean);
}

export interface RedemptionResponse__Output {
  'redemptionId': (string);
  'memberId': (string);
  /**
   * held | captured | released | expired
   */
  'status': (string);
  'points': (number);
  'balance': (_club_points_v1_Balance__Output | null);
  /**
   * ISO instant while held
   */
  'holdExpiresAt': (string);
  'replayed': (boolean);
}
