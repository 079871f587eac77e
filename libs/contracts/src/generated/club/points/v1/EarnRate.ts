// Original file: proto/club/points/v1/points.proto

import type { Long } from '@grpc/proto-loader';

export interface EarnRate {
  'points'?: (number | string | Long);
  'perAmount'?: (number | string | Long);
  /**
   * true when the tenant has not set one (the currency default applies)
   */
  'isDefault'?: (boolean);
  /**
   * how points × amount / per_amount is rounded (the ledger policy's earnRounding); read-only
   */
  'rounding'?: (string);
}

export interface EarnRate__Output {
  'points': (number);
  'perAmount': (number);
  /**
   * true when the tenant has not set one (the currency default applies)
   */
  'isDefault': (boolean);
  /**
   * how points × amount / per_amount is rounded (the ledger policy's earnRounding); read-only
   */
  'rounding': (string);
}
