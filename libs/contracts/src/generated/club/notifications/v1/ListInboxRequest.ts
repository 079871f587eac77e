// Original file: proto/club/notifications/v1/notifications.proto


export interface ListInboxRequest {
  'memberId'?: (string);
  /**
   * default 50, at most 200
   */
  'limit'?: (number);
}

export interface ListInboxRequest__Output {
  'memberId': (string);
  /**
   * default 50, at most 200
   */
  'limit': (number);
}
