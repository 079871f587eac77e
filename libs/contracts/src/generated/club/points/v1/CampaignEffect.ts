// Original file: proto/club/points/v1/points.proto

import type { Long } from '@grpc/proto-loader';

export interface CampaignEffect {
  'campaignId'?: (string);
  'version'?: (number);
  'ruleId'?: (string);
  'kind'?: (string);
  'points'?: (number | string | Long);
  'discount'?: (number | string | Long);
  'description'?: (string);
  /**
   * badge code, challenge code or coupon batch id; empty otherwise
   */
  'reference'?: (string);
  /**
   * advance-challenge: the steps
   */
  'steps'?: (number);
}

export interface CampaignEffect__Output {
  'campaignId': (string);
  'version': (number);
  'ruleId': (string);
  'kind': (string);
  'points': (number);
  'discount': (number);
  'description': (string);
  /**
   * badge code, challenge code or coupon batch id; empty otherwise
   */
  'reference': (string);
  /**
   * advance-challenge: the steps
   */
  'steps': (number);
}
