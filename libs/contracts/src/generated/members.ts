import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AttributeDefinition as _club_members_v1_AttributeDefinition, AttributeDefinition__Output as _club_members_v1_AttributeDefinition__Output } from './club/members/v1/AttributeDefinition';
import type { Card as _club_members_v1_Card, Card__Output as _club_members_v1_Card__Output } from './club/members/v1/Card';
import type { CardRequest as _club_members_v1_CardRequest, CardRequest__Output as _club_members_v1_CardRequest__Output } from './club/members/v1/CardRequest';
import type { EnrolRequest as _club_members_v1_EnrolRequest, EnrolRequest__Output as _club_members_v1_EnrolRequest__Output } from './club/members/v1/EnrolRequest';
import type { GetMemberRequest as _club_members_v1_GetMemberRequest, GetMemberRequest__Output as _club_members_v1_GetMemberRequest__Output } from './club/members/v1/GetMemberRequest';
import type { IdentifyRequest as _club_members_v1_IdentifyRequest, IdentifyRequest__Output as _club_members_v1_IdentifyRequest__Output } from './club/members/v1/IdentifyRequest';
import type { ImportChunk as _club_members_v1_ImportChunk, ImportChunk__Output as _club_members_v1_ImportChunk__Output } from './club/members/v1/ImportChunk';
import type { IssueCardRequest as _club_members_v1_IssueCardRequest, IssueCardRequest__Output as _club_members_v1_IssueCardRequest__Output } from './club/members/v1/IssueCardRequest';
import type { JsonDocument as _club_members_v1_JsonDocument, JsonDocument__Output as _club_members_v1_JsonDocument__Output } from './club/members/v1/JsonDocument';
import type { ListAttributesRequest as _club_members_v1_ListAttributesRequest, ListAttributesRequest__Output as _club_members_v1_ListAttributesRequest__Output } from './club/members/v1/ListAttributesRequest';
import type { ListAttributesResponse as _club_members_v1_ListAttributesResponse, ListAttributesResponse__Output as _club_members_v1_ListAttributesResponse__Output } from './club/members/v1/ListAttributesResponse';
import type { ListCardsRequest as _club_members_v1_ListCardsRequest, ListCardsRequest__Output as _club_members_v1_ListCardsRequest__Output } from './club/members/v1/ListCardsRequest';
import type { ListCardsResponse as _club_members_v1_ListCardsResponse, ListCardsResponse__Output as _club_members_v1_ListCardsResponse__Output } from './club/members/v1/ListCardsResponse';
import type { ListTierLaddersRequest as _club_members_v1_ListTierLaddersRequest, ListTierLaddersRequest__Output as _club_members_v1_ListTierLaddersRequest__Output } from './club/members/v1/ListTierLaddersRequest';
import type { Member as _club_members_v1_Member, Member__Output as _club_members_v1_Member__Output } from './club/members/v1/Member';
import type { MembersServiceClient as _club_members_v1_MembersServiceClient, MembersServiceDefinition as _club_members_v1_MembersServiceDefinition } from './club/members/v1/MembersService';
import type { RecordConsentRequest as _club_members_v1_RecordConsentRequest, RecordConsentRequest__Output as _club_members_v1_RecordConsentRequest__Output } from './club/members/v1/RecordConsentRequest';
import type { TillMember as _club_members_v1_TillMember, TillMember__Output as _club_members_v1_TillMember__Output } from './club/members/v1/TillMember';
import type { UpdateMemberRequest as _club_members_v1_UpdateMemberRequest, UpdateMemberRequest__Output as _club_members_v1_UpdateMemberRequest__Output } from './club/members/v1/UpdateMemberRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  club: {
    members: {
      v1: {
        AttributeDefinition: MessageTypeDefinition<_club_members_v1_AttributeDefinition, _club_members_v1_AttributeDefinition__Output>
        Card: MessageTypeDefinition<_club_members_v1_Card, _club_members_v1_Card__Output>
        CardRequest: MessageTypeDefinition<_club_members_v1_CardRequest, _club_members_v1_CardRequest__Output>
        EnrolRequest: MessageTypeDefinition<_club_members_v1_EnrolRequest, _club_members_v1_EnrolRequest__Output>
        GetMemberRequest: MessageTypeDefinition<_club_members_v1_GetMemberRequest, _club_members_v1_GetMemberRequest__Output>
        IdentifyRequest: MessageTypeDefinition<_club_members_v1_IdentifyRequest, _club_members_v1_IdentifyRequest__Output>
        ImportChunk: MessageTypeDefinition<_club_members_v1_ImportChunk, _club_members_v1_ImportChunk__Output>
        IssueCardRequest: MessageTypeDefinition<_club_members_v1_IssueCardRequest, _club_members_v1_IssueCardRequest__Output>
        JsonDocument: MessageTypeDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output>
        ListAttributesRequest: MessageTypeDefinition<_club_members_v1_ListAttributesRequest, _club_members_v1_ListAttributesRequest__Output>
        ListAttributesResponse: MessageTypeDefinition<_club_members_v1_ListAttributesResponse, _club_members_v1_ListAttributesResponse__Output>
        ListCardsRequest: MessageTypeDefinition<_club_members_v1_ListCardsRequest, _club_members_v1_ListCardsRequest__Output>
        ListCardsResponse: MessageTypeDefinition<_club_members_v1_ListCardsResponse, _club_members_v1_ListCardsResponse__Output>
        ListTierLaddersRequest: MessageTypeDefinition<_club_members_v1_ListTierLaddersRequest, _club_members_v1_ListTierLaddersRequest__Output>
        Member: MessageTypeDefinition<_club_members_v1_Member, _club_members_v1_Member__Output>
        MembersService: SubtypeConstructor<typeof grpc.Client, _club_members_v1_MembersServiceClient> & { service: _club_members_v1_MembersServiceDefinition }
        RecordConsentRequest: MessageTypeDefinition<_club_members_v1_RecordConsentRequest, _club_members_v1_RecordConsentRequest__Output>
        TillMember: MessageTypeDefinition<_club_members_v1_TillMember, _club_members_v1_TillMember__Output>
        UpdateMemberRequest: MessageTypeDefinition<_club_members_v1_UpdateMemberRequest, _club_members_v1_UpdateMemberRequest__Output>
      }
    }
  }
}

