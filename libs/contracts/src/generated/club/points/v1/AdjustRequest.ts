// Original file: proto/club/points/v1/points.proto

import type { Long } from '@grpc/proto-loader';

export interface AdjustRequest {
  'memberId'?: (string);
  'adjustmentId'?: (string);
  /**
   * may be negative
   */
  'points'?: (number | string | Long);
  'reason'?: (string);
  /**
   * who, from the gateway's authenticated caller
   */
  'operator'?: (string);
}

export interface AdjustRequest__Output {
  'memberId': (string);
  'adjustmentId': (string);
  /**
   * may be negative
   */
  'points': (number);
  'reason': (string);
  /**
   * who, from the gateway's authenticated caller
   */
  'operator': (string);
}
