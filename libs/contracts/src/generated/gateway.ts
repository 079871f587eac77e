import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { GetTenantRequest as _club_gateway_v1_GetTenantRequest, GetTenantRequest__Output as _club_gateway_v1_GetTenantRequest__Output } from './club/gateway/v1/GetTenantRequest';
import type { Tenant as _club_gateway_v1_Tenant, Tenant__Output as _club_gateway_v1_Tenant__Output } from './club/gateway/v1/Tenant';
import type { TenantDirectoryClient as _club_gateway_v1_TenantDirectoryClient, TenantDirectoryDefinition as _club_gateway_v1_TenantDirectoryDefinition } from './club/gateway/v1/TenantDirectory';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  club: {
    gateway: {
      v1: {
        GetTenantRequest: MessageTypeDefinition<_club_gateway_v1_GetTenantRequest, _club_gateway_v1_GetTenantRequest__Output>
        Tenant: MessageTypeDefinition<_club_gateway_v1_Tenant, _club_gateway_v1_Tenant__Output>
        TenantDirectory: SubtypeConstructor<typeof grpc.Client, _club_gateway_v1_TenantDirectoryClient> & { service: _club_gateway_v1_TenantDirectoryDefinition }
      }
    }
  }
}

