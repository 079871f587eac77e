// Original file: proto/club/notifications/v1/notifications.proto

import type { InboxMessage as _club_notifications_v1_InboxMessage, InboxMessage__Output as _club_notifications_v1_InboxMessage__Output } from '../../../club/notifications/v1/InboxMessage';

export interface ListInboxResponse {
  'messages'?: (_club_notifications_v1_InboxMessage)[];
}

export interface ListInboxResponse__Output {
  'messages': (_club_notifications_v1_InboxMessage__Output)[];
}
