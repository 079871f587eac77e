// Original file: proto/club/notifications/v1/notifications.proto


export interface InboxMessage {
  'id'?: (string);
  /**
   * welcome | points-earned
   */
  'kind'?: (string);
  'title'?: (string);
  'body'?: (string);
  'locale'?: (string);
  'createdAt'?: (string);
  'sourceEventId'?: (string);
}

export interface InboxMessage__Output {
  'id': (string);
  /**
   * welcome | points-earned
   */
  'kind': (string);
  'title': (string);
  'body': (string);
  'locale': (string);
  'createdAt': (string);
  'sourceEventId': (string);
}
