// Original file: proto/club/notifications/v1/notifications.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ListInboxRequest as _club_notifications_v1_ListInboxRequest, ListInboxRequest__Output as _club_notifications_v1_ListInboxRequest__Output } from '../../../club/notifications/v1/ListInboxRequest';
import type { ListInboxResponse as _club_notifications_v1_ListInboxResponse, ListInboxResponse__Output as _club_notifications_v1_ListInboxResponse__Output } from '../../../club/notifications/v1/ListInboxResponse';

export interface NotificationsServiceClient extends grpc.Client {
  ListInbox(argument: _club_notifications_v1_ListInboxRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_notifications_v1_ListInboxResponse__Output>): grpc.ClientUnaryCall;
  ListInbox(argument: _club_notifications_v1_ListInboxRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_notifications_v1_ListInboxResponse__Output>): grpc.ClientUnaryCall;
  ListInbox(argument: _club_notifications_v1_ListInboxRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_notifications_v1_ListInboxResponse__Output>): grpc.ClientUnaryCall;
  ListInbox(argument: _club_notifications_v1_ListInboxRequest, callback: grpc.requestCallback<_club_notifications_v1_ListInboxResponse__Output>): grpc.ClientUnaryCall;
  listInbox(argument: _club_notifications_v1_ListInboxRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_notifications_v1_ListInboxResponse__Output>): grpc.ClientUnaryCall;
  listInbox(argument: _club_notifications_v1_ListInboxRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_notifications_v1_ListInboxResponse__Output>): grpc.ClientUnaryCall;
  listInbox(argument: _club_notifications_v1_ListInboxRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_notifications_v1_ListInboxResponse__Output>): grpc.ClientUnaryCall;
  listInbox(argument: _club_notifications_v1_ListInboxRequest, callback: grpc.requestCallback<_club_notifications_v1_ListInboxResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface NotificationsServiceHandlers extends grpc.UntypedServiceImplementation {
  ListInbox: grpc.handleUnaryCall<_club_notifications_v1_ListInboxRequest__Output, _club_notifications_v1_ListInboxResponse>;
  
}

export interface NotificationsServiceDefinition extends grpc.ServiceDefinition {
  ListInbox: MethodDefinition<_club_notifications_v1_ListInboxRequest, _club_notifications_v1_ListInboxResponse, _club_notifications_v1_ListInboxRequest__Output, _club_notifications_v1_ListInboxResponse__Output>
}
