// Original file: proto/club/campaigns/v1/campaigns.proto


export interface ListCampaignsRequest {
  /**
   * empty for all
   */
  'status'?: (string);
}

export interface ListCampaignsRequest__Output {
  /**
   * empty for all
   */
  'status': (string);
}
