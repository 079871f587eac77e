// Original file: proto/club/points/v1/points.proto


export interface RedemptionRef {
  'redemptionId'?: (string);
}

export interface RedemptionRef__Output {
  'redemptionId': (string);
}
