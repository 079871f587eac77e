// Original file: proto/club/members/v1/members.proto


export interface ListTierLaddersRequest {
}

export interface ListTierLaddersRequest__Output {
}
