// Original file: proto/club/points/v1/points.proto

import type { CheckoutItem as _club_points_v1_CheckoutItem, CheckoutItem__Output as _club_points_v1_CheckoutItem__Output } from '../../../club/points/v1/CheckoutItem';
import type { Long } from '@grpc/proto-loader';

export interface EarnForCheckoutRequest {
  'transactionId'?: (string);
  'storeId'?: (string);
  'memberId'?: (string);
  /**
   * minor units of the tenant currency
   */
  'amount'?: (number | string | Long);
  'currency'?: (string);
  'items'?: (_club_points_v1_CheckoutItem)[];
  /**
   * hash of the canonical till request, for replay detection
   */
  'requestHash'?: (string);
  /**
   * points spent on this checkout (held and captured with it; all or nothing)
   */
  'redeemPoints'?: (number | string | Long);
}

export interface EarnForCheckoutRequest__Output {
  'transactionId': (string);
  'storeId': (string);
  'memberId': (string);
  /**
   * minor units of the tenant currency
   */
  'amount': (number);
  'currency': (string);
  'items': (_club_points_v1_CheckoutItem__Output)[];
  /**
   * hash of the canonical till request, for replay detection
   */
  'requestHash': (string);
  /**
   * points spent on this checkout (held and captured with it; all or nothing)
   */
  'redeemPoints': (number);
}
