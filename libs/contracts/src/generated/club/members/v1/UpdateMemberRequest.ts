// Original file: proto/club/members/v1/members.proto


export interface UpdateMemberRequest {
  'memberId'?: (string);
  /**
   * RFC 7396 JSON merge patch of ProfileFields
   */
  'mergePatch'?: (string);
}

export interface UpdateMemberRequest__Output {
  'memberId': (string);
  /**
   * RFC 7396 JSON merge patch of ProfileFields
   */
  'mergePatch': (string);
}
