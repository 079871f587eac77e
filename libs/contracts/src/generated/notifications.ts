import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { InboxMessage as _club_notifications_v1_InboxMessage, InboxMessage__Output as _club_notifications_v1_InboxMessage__Output } from './club/notifications/v1/InboxMessage';
import type { ListInboxRequest as _club_notifications_v1_ListInboxRequest, ListInboxRequest__Output as _club_notifications_v1_ListInboxRequest__Output } from './club/notifications/v1/ListInboxRequest';
import type { ListInboxResponse as _club_notifications_v1_ListInboxResponse, ListInboxResponse__Output as _club_notifications_v1_ListInboxResponse__Output } from './club/notifications/v1/ListInboxResponse';
import type { NotificationsServiceClient as _club_notifications_v1_NotificationsServiceClient, NotificationsServiceDefinition as _club_notifications_v1_NotificationsServiceDefinition } from './club/notifications/v1/NotificationsService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  club: {
    notifications: {
      v1: {
        InboxMessage: MessageTypeDefinition<_club_notifications_v1_InboxMessage, _club_notifications_v1_InboxMessage__Output>
        ListInboxRequest: MessageTypeDefinition<_club_notifications_v1_ListInboxRequest, _club_notifications_v1_ListInboxRequest__Output>
        ListInboxResponse: MessageTypeDefinition<_club_notifications_v1_ListInboxResponse, _club_notifications_v1_ListInboxResponse__Output>
        NotificationsService: SubtypeConstructor<typeof grpc.Client, _club_notifications_v1_NotificationsServiceClient> & { service: _club_notifications_v1_NotificationsServiceDefinition }
      }
    }
  }
}

