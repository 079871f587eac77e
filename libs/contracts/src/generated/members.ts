import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { EnrolRequest as _club_members_v1_EnrolRequest, EnrolRequest__Output as _club_members_v1_EnrolRequest__Output } from './club/members/v1/EnrolRequest';
import type { GetMemberRequest as _club_members_v1_GetMemberRequest, GetMemberRequest__Output as _club_members_v1_GetMemberRequest__Output } from './club/members/v1/GetMemberRequest';
import type { IdentifyRequest as _club_members_v1_IdentifyRequest, IdentifyRequest__Output as _club_members_v1_IdentifyRequest__Output } from './club/members/v1/IdentifyRequest';
import type { Member as _club_members_v1_Member, Member__Output as _club_members_v1_Member__Output } from './club/members/v1/Member';
import type { MembersServiceClient as _club_members_v1_MembersServiceClient, MembersServiceDefinition as _club_members_v1_MembersServiceDefinition } from './club/members/v1/MembersService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  club: {
    members: {
      v1: {
        EnrolRequest: MessageTypeDefinition<_club_members_v1_EnrolRequest, _club_members_v1_EnrolRequest__Output>
        GetMemberRequest: MessageTypeDefinition<_club_members_v1_GetMemberRequest, _club_members_v1_GetMemberRequest__Output>
        IdentifyRequest: MessageTypeDefinition<_club_members_v1_IdentifyRequest, _club_members_v1_IdentifyRequest__Output>
        Member: MessageTypeDefinition<_club_members_v1_Member, _club_members_v1_Member__Output>
        MembersService: SubtypeConstructor<typeof grpc.Client, _club_members_v1_MembersServiceClient> & { service: _club_members_v1_MembersServiceDefinition }
      }
    }
  }
}

