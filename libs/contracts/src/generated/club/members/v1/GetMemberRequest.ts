// Original file: proto/club/members/v1/members.proto


export interface GetMemberRequest {
  'memberId'?: (string);
}

export interface GetMemberRequest__Output {
  'memberId': (string);
}
