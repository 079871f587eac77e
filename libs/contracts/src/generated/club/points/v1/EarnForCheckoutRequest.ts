// Original file: proto/club/points/v1/points.proto

import type { CheckoutItem as _club_points_v1_CheckoutItem, CheckoutItem__Output as _club_points_v1_CheckoutItem__Output } from '../../../club/points/v1/CheckoutItem';
import type { CampaignEffect as _club_points_v1_CampaignEffect, CampaignEffect__Output as _club_points_v1_CampaignEffect__Output } from '../../../club/points/v1/CampaignEffect';
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
  /**
   * What the campaigns gave this checkout (EvaluateCheckout's effects, with their provenance):
   * the points effects are credited with the base points, attributed to the lines with them (so
   * a return reverses them too); every effect is recorded with the checkout and carried by
   * points.checkout.recorded.v1 (badges, challenges and coupons are awarded from it).
   */
  'campaignEffects'?: (_club_points_v1_CampaignEffect)[];
  /**
   * coupons redeemed with the checkout (carried by the event)
   */
  'couponCodes'?: (string)[];
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
  /**
   * What the campaigns gave this checkout (EvaluateCheckout's effects, with their provenance):
   * the points effects are credited with the base points, attributed to the lines with them (so
   * a return reverses them too); every effect is recorded with the checkout and carried by
   * points.checkout.recorded.v1 (badges, challenges and coupons are awarded from it).
   */
  'campaignEffects': (_club_points_v1_CampaignEffect__Output)[];
  /**
   * coupons redeemed with the checkout (carried by the event)
   */
  'couponCodes': (string)[];
}
