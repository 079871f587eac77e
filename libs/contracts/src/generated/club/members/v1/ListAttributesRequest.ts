// Original file: proto/club/members/v1/members.proto


export interface ListAttributesRequest {
}

export interface ListAttributesRequest__Output {
}
