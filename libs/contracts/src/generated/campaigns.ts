import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Campaign as _club_campaigns_v1_Campaign, Campaign__Output as _club_campaigns_v1_Campaign__Output } from './club/campaigns/v1/Campaign';
import type { CampaignsServiceClient as _club_campaigns_v1_CampaignsServiceClient, CampaignsServiceDefinition as _club_campaigns_v1_CampaignsServiceDefinition } from './club/campaigns/v1/CampaignsService';
import type { JsonDocument as _club_campaigns_v1_JsonDocument, JsonDocument__Output as _club_campaigns_v1_JsonDocument__Output } from './club/campaigns/v1/JsonDocument';
import type { ListCampaignsRequest as _club_campaigns_v1_ListCampaignsRequest, ListCampaignsRequest__Output as _club_campaigns_v1_ListCampaignsRequest__Output } from './club/campaigns/v1/ListCampaignsRequest';
import type { ListCampaignsResponse as _club_campaigns_v1_ListCampaignsResponse, ListCampaignsResponse__Output as _club_campaigns_v1_ListCampaignsResponse__Output } from './club/campaigns/v1/ListCampaignsResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  club: {
    campaigns: {
      v1: {
        Campaign: MessageTypeDefinition<_club_campaigns_v1_Campaign, _club_campaigns_v1_Campaign__Output>
        CampaignsService: SubtypeConstructor<typeof grpc.Client, _club_campaigns_v1_CampaignsServiceClient> & { service: _club_campaigns_v1_CampaignsServiceDefinition }
        JsonDocument: MessageTypeDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output>
        ListCampaignsRequest: MessageTypeDefinition<_club_campaigns_v1_ListCampaignsRequest, _club_campaigns_v1_ListCampaignsRequest__Output>
        ListCampaignsResponse: MessageTypeDefinition<_club_campaigns_v1_ListCampaignsResponse, _club_campaigns_v1_ListCampaignsResponse__Output>
      }
    }
  }
}

