// Original file: proto/club/points/v1/points.proto

import type { Long } from '@grpc/proto-loader';

export interface Balance {
  /**
   * spendable now (negative only under the allow-negative policy)
   */
  'available'?: (number | string | Long);
  /**
   * earned, not yet active
   */
  'pending'?: (number | string | Long);
  /**
   * net credited: earnings and positive adjustments minus reversals
   */
  'lifetimeEarned'?: (number | string | Long);
  /**
   * reserved by open holds
   */
  'held'?: (number | string | Long);
  /**
   * redeemed, net of refunds
   */
  'spent'?: (number | string | Long);
  'expired'?: (number | string | Long);
}

export interface Balance__Output {
  /**
   * spendable now (negative only under the allow-negative policy)
   */
  'available': (number);
  /**
   * earned, not yet active
   */
  'pending': (number);
  /**
   * net credited: earnings and positive adjustments minus reversals
   */
  'lifetimeEarned': (number);
  /**
   * reserved by open holds
   */
  'held': (number);
  /**
   * redeemed, net of refunds
   */
  'spent': (number);
  'expired': (number);
}
