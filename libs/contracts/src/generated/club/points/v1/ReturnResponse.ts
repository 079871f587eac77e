// Original file: proto/club/points/v1/points.proto

import type { Balance as _club_points_v1_Balance, Balance__Output as _club_points_v1_Balance__Output } from '../../../club/points/v1/Balance';
import type { Long } from '@grpc/proto-loader';

export interface ReturnResponse {
  'transactionId'?: (string);
  'returnId'?: (string);
  'memberId'?: (string);
  /**
   * earned points the returned lines carried (taken back, forgiven or owed)
   */
  'pointsReversed'?: (number | string | Long);
  /**
   * redeemed points given back
   */
  'pointsRefunded'?: (number | string | Long);
  /**
   * reversal the policy did not take
   */
  'pointsForgiven'?: (number | string | Long);
  /**
   * reversal taken beyond the balance (allow-negative)
   */
  'pointsNegative'?: (number | string | Long);
  'balance'?: (_club_points_v1_Balance | null);
  'replayed'?: (boolean);
}

export interface ReturnResponse__Output {
  'transactionId': (string);
  'returnId': (string);
  'memberId': (string);
  /**
   * earned points the returned lines carried (taken back, forgiven or owed)
   */
  'pointsReversed': (number);
  /**
   * redeemed points given back
   */
  'pointsRefunded': (number);
  /**
   * reversal the policy did not take
   */
  'pointsForgiven': (number);
  /**
   * reversal taken beyond the balance (allow-negative)
   */
  'pointsNegative': (number);
  'balance': (_club_points_v1_Balance__Output | null);
  'replayed': (boolean);
}
