// Original file: proto/club/members/v1/members.proto


export interface ListCardsRequest {
  'memberId'?: (string);
}

export interface ListCardsRequest__Output {
  'memberId': (string);
}
