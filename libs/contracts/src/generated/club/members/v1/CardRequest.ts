// Original file: proto/club/members/v1/members.proto


export interface CardRequest {
  'cardNumber'?: (string);
  'reason'?: (string);
}

export interface CardRequest__Output {
  'cardNumber': (string);
  'reason': (string);
}
