// Original file: proto/club/members/v1/members.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { EnrolRequest as _club_members_v1_EnrolRequest, EnrolRequest__Output as _club_members_v1_EnrolRequest__Output } from '../../../club/members/v1/EnrolRequest';
import type { GetMemberRequest as _club_members_v1_GetMemberRequest, GetMemberRequest__Output as _club_members_v1_GetMemberRequest__Output } from '../../../club/members/v1/GetMemberRequest';
import type { IdentifyRequest as _club_members_v1_IdentifyRequest, IdentifyRequest__Output as _club_members_v1_IdentifyRequest__Output } from '../../../club/members/v1/IdentifyRequest';
import type { Member as _club_members_v1_Member, Member__Output as _club_members_v1_Member__Output } from '../../../club/members/v1/Member';

export interface MembersServiceClient extends grpc.Client {
  /**
   * Enrol a new member; ALREADY_EXISTS when the phone is taken in the tenant.
   */
  Enrol(argument: _club_members_v1_EnrolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  Enrol(argument: _club_members_v1_EnrolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  Enrol(argument: _club_members_v1_EnrolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  Enrol(argument: _club_members_v1_EnrolRequest, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  /**
   * Enrol a new member; ALREADY_EXISTS when the phone is taken in the tenant.
   */
  enrol(argument: _club_members_v1_EnrolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  enrol(argument: _club_members_v1_EnrolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  enrol(argument: _club_members_v1_EnrolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  enrol(argument: _club_members_v1_EnrolRequest, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  
  GetMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  GetMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  GetMember(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  GetMember(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  getMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  getMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  getMember(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  getMember(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  
  /**
   * Identify a member at the till by exactly one of card number, phone or member id.
   * One indexed query; NOT_FOUND when nobody matches in the caller's tenant.
   */
  Identify(argument: _club_members_v1_IdentifyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  Identify(argument: _club_members_v1_IdentifyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  Identify(argument: _club_members_v1_IdentifyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  Identify(argument: _club_members_v1_IdentifyRequest, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  /**
   * Identify a member at the till by exactly one of card number, phone or member id.
   * One indexed query; NOT_FOUND when nobody matches in the caller's tenant.
   */
  identify(argument: _club_members_v1_IdentifyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  identify(argument: _club_members_v1_IdentifyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  identify(argument: _club_members_v1_IdentifyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  identify(argument: _club_members_v1_IdentifyRequest, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  
}

export interface MembersServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Enrol a new member; ALREADY_EXISTS when the phone is taken in the tenant.
   */
  Enrol: grpc.handleUnaryCall<_club_members_v1_EnrolRequest__Output, _club_members_v1_Member>;
  
  GetMember: grpc.handleUnaryCall<_club_members_v1_GetMemberRequest__Output, _club_members_v1_Member>;
  
  /**
   * Identify a member at the till by exactly one of card number, phone or member id.
   * One indexed query; NOT_FOUND when nobody matches in the caller's tenant.
   */
  Identify: grpc.handleUnaryCall<_club_members_v1_IdentifyRequest__Output, _club_members_v1_Member>;
  
}

export interface MembersServiceDefinition extends grpc.ServiceDefinition {
  Enrol: MethodDefinition<_club_members_v1_EnrolRequest, _club_members_v1_Member, _club_members_v1_EnrolRequest__Output, _club_members_v1_Member__Output>
  GetMember: MethodDefinition<_club_members_v1_GetMemberRequest, _club_members_v1_Member, _club_members_v1_GetMemberRequest__Output, _club_members_v1_Member__Output>
  Identify: MethodDefinition<_club_members_v1_IdentifyRequest, _club_members_v1_Member, _club_members_v1_IdentifyRequest__Output, _club_members_v1_Member__Output>
}
