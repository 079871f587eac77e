// Original file: proto/club/members/v1/members.proto


export interface IdentifyRequest {
  'cardNumber'?: (string);
  'phone'?: (string);
  'memberId'?: (string);
  'email'?: (string);
  'by'?: "cardNumber"|"phone"|"memberId"|"email";
}

export interface IdentifyRequest__Output {
  'cardNumber'?: (string);
  'phone'?: (string);
  'memberId'?: (string);
  'email'?: (string);
  'by'?: "cardNumber"|"phone"|"memberId"|"email";
}
