// Original file: proto/club/points/v1/points.proto


export interface GetBalanceRequest {
  'memberId'?: (string);
}

export interface GetBalanceRequest__Output {
  'memberId': (string);
}
