// Original file: proto/club/points/v1/points.proto


export interface AcceptPendingRequest {
  'transactionId'?: (string);
}

export interface AcceptPendingRequest__Output {
  'transactionId': (string);
}
