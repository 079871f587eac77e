// Original file: proto/club/points/v1/points.proto

import type { Balance as _club_points_v1_Balance, Balance__Output as _club_points_v1_Balance__Output } from '../../../club/points/v1/Balance';
import type { Long } from '@grpc/proto-loader';

export interface EarnForCheckoutResponse {
  'transactionId'?: (string);
  'memberId'?: (string);
  'pointsEarned'?: (number | string | Long);
  'balance'?: (_club_points_v1_Balance | null);
  'replayed'?: (boolean);
  'pointsRedeemed'?: (number | string | Long);
  /**
   * the earned points wait to activate (pending period)
   */
  'pending'?: (boolean);
  /**
   * ISO instant, empty when active at once or awaiting an accept
   */
  'activatesAt'?: (string);
  /**
   * what the earn rate gave; points_earned = base_points + campaign_points
   */
  'basePoints'?: (number | string | Long);
  'campaignPoints'?: (number | string | Long);
}

export interface EarnForCheckoutResponse__Output {
  'transactionId': (string);
  'memberId': (string);
  'pointsEarned': (number);
  'balance': (_club_points_v1_Balance__Output | null);
  'replayed': (boolean);
  'pointsRedeemed': (number);
  /**
   * the earned points wait to activate (pending period)
   */
  'pending': (boolean);
  /**
   * ISO instant, empty when active at once or awaiting an accept
   */
  'activatesAt': (string);
  /**
   * what the earn rate gave; points_earned = base_points + campaign_points
   */
  'basePoints': (number);
  'campaignPoints': (number);
}
