// Original file: proto/club/campaigns/v1/campaigns.proto

import type { Campaign as _club_campaigns_v1_Campaign, Campaign__Output as _club_campaigns_v1_Campaign__Output } from '../../../club/campaigns/v1/Campaign';

export interface ListCampaignsResponse {
  'campaigns'?: (_club_campaigns_v1_Campaign)[];
}

export interface ListCampaignsResponse__Output {
  'campaigns': (_club_campaigns_v1_Campaign__Output)[];
}
