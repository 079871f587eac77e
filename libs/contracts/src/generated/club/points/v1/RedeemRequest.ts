// Original file: proto/club/points/v1/points.proto

import type { Long } from '@grpc/proto-loader';

export interface RedeemRequest {
  'memberId'?: (string);
  'redemptionId'?: (string);
  'points'?: (number | string | Long);
  'reason'?: (string);
  /**
   * hold now, capture or release later (expires on its own)
   */
  'hold'?: (boolean);
}

export interface RedeemRequest__Output {
  'memberId': (string);
  'redemptionId': (string);
  'points': (number);
  'reason': (string);
  /**
   * hold now, capture or release later (expires on its own)
   */
  'hold': (boolean);
}
