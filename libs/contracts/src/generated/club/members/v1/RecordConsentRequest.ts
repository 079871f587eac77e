// Original file: proto/club/members/v1/members.proto


export interface RecordConsentRequest {
  'memberId'?: (string);
  'channel'?: (string);
  'granted'?: (boolean);
  'source'?: (string);
}

export interface RecordConsentRequest__Output {
  'memberId': (string);
  'channel': (string);
  'granted': (boolean);
  'source': (string);
}
