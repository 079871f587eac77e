// Original file: proto/club/points/v1/points.proto

import type { ReturnItem as _club_points_v1_ReturnItem, ReturnItem__Output as _club_points_v1_ReturnItem__Output } from '../../../club/points/v1/ReturnItem';
import type { Long } from '@grpc/proto-loader';

export interface ReturnRequest {
  'transactionId'?: (string);
  'returnId'?: (string);
  /**
   * either items …
   */
  'items'?: (_club_points_v1_ReturnItem)[];
  /**
   * … or an amount in minor units (0 = not given)
   */
  'amount'?: (number | string | Long);
}

export interface ReturnRequest__Output {
  'transactionId': (string);
  'returnId': (string);
  /**
   * either items …
   */
  'items': (_club_points_v1_ReturnItem__Output)[];
  /**
   * … or an amount in minor units (0 = not given)
   */
  'amount': (number);
}
