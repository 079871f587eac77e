// Original file: proto/club/campaigns/v1/campaigns.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ListCampaignsRequest as _club_campaigns_v1_ListCampaignsRequest, ListCampaignsRequest__Output as _club_campaigns_v1_ListCampaignsRequest__Output } from '../../../club/campaigns/v1/ListCampaignsRequest';
import type { ListCampaignsResponse as _club_campaigns_v1_ListCampaignsResponse, ListCampaignsResponse__Output as _club_campaigns_v1_ListCampaignsResponse__Output } from '../../../club/campaigns/v1/ListCampaignsResponse';

export interface CampaignsServiceClient extends grpc.Client {
  ListCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  ListCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  ListCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  ListCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface CampaignsServiceHandlers extends grpc.UntypedServiceImplementation {
  ListCampaigns: grpc.handleUnaryCall<_club_campaigns_v1_ListCampaignsRequest__Output, _club_campaigns_v1_ListCampaignsResponse>;
  
}

export interface CampaignsServiceDefinition extends grpc.ServiceDefinition {
  ListCampaigns: MethodDefinition<_club_campaigns_v1_ListCampaignsRequest, _club_campaigns_v1_ListCampaignsResponse, _club_campaigns_v1_ListCampaignsRequest__Output, _club_campaigns_v1_ListCampaignsResponse__Output>
}
