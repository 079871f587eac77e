// Original file: proto/club/members/v1/members.proto


export interface IssueCardRequest {
  'memberId'?: (string);
}

export interface IssueCardRequest__Output {
  'memberId': (string);
}
