// Original file: proto/club/gateway/v1/gateway.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetTenantRequest as _club_gateway_v1_GetTenantRequest, GetTenantRequest__Output as _club_gateway_v1_GetTenantRequest__Output } from '../../../club/gateway/v1/GetTenantRequest';
import type { Tenant as _club_gateway_v1_Tenant, Tenant__Output as _club_gateway_v1_Tenant__Output } from '../../../club/gateway/v1/Tenant';

export interface TenantDirectoryClient extends grpc.Client {
  GetTenant(argument: _club_gateway_v1_GetTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_gateway_v1_Tenant__Output>): grpc.ClientUnaryCall;
  GetTenant(argument: _club_gateway_v1_GetTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_gateway_v1_Tenant__Output>): grpc.ClientUnaryCall;
  GetTenant(argument: _club_gateway_v1_GetTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_gateway_v1_Tenant__Output>): grpc.ClientUnaryCall;
  GetTenant(argument: _club_gateway_v1_GetTenantRequest, callback: grpc.requestCallback<_club_gateway_v1_Tenant__Output>): grpc.ClientUnaryCall;
  getTenant(argument: _club_gateway_v1_GetTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_gateway_v1_Tenant__Output>): grpc.ClientUnaryCall;
  getTenant(argument: _club_gateway_v1_GetTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_gateway_v1_Tenant__Output>): grpc.ClientUnaryCall;
  getTenant(argument: _club_gateway_v1_GetTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_gateway_v1_Tenant__Output>): grpc.ClientUnaryCall;
  getTenant(argument: _club_gateway_v1_GetTenantRequest, callback: grpc.requestCallback<_club_gateway_v1_Tenant__Output>): grpc.ClientUnaryCall;
  
}

export interface TenantDirectoryHandlers extends grpc.UntypedServiceImplementation {
  GetTenant: grpc.handleUnaryCall<_club_gateway_v1_GetTenantRequest__Output, _club_gateway_v1_Tenant>;
  
}

export interface TenantDirectoryDefinition extends grpc.ServiceDefinition {
  GetTenant: MethodDefinition<_club_gateway_v1_GetTenantRequest, _club_gateway_v1_Tenant, _club_gateway_v1_GetTenantRequest__Output, _club_gateway_v1_Tenant__Output>
}
