// Original file: proto/club/gateway/v1/gateway.proto


export interface GetTenantRequest {
  'tenantId'?: (string);
}

export interface GetTenantRequest__Output {
  'tenantId': (string);
}
