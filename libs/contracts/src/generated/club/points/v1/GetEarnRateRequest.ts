// Original file: proto/club/points/v1/points.proto


export interface GetEarnRateRequest {
}

export interface GetEarnRateRequest__Output {
}
