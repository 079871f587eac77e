// Original file: proto/club/members/v1/members.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AttributeDefinition as _club_members_v1_AttributeDefinition, AttributeDefinition__Output as _club_members_v1_AttributeDefinition__Output } from '../../../club/members/v1/AttributeDefinition';
import type { Card as _club_members_v1_Card, Card__Output as _club_members_v1_Card__Output } from '../../../club/members/v1/Card';
import type { CardRequest as _club_members_v1_CardRequest, CardRequest__Output as _club_members_v1_CardRequest__Output } from '../../../club/members/v1/CardRequest';
import type { EnrolRequest as _club_members_v1_EnrolRequest, EnrolRequest__Output as _club_members_v1_EnrolRequest__Output } from '../../../club/members/v1/EnrolRequest';
import type { GetMemberRequest as _club_members_v1_GetMemberRequest, GetMemberRequest__Output as _club_members_v1_GetMemberRequest__Output } from '../../../club/members/v1/GetMemberRequest';
import type { IdentifyRequest as _club_members_v1_IdentifyRequest, IdentifyRequest__Output as _club_members_v1_IdentifyRequest__Output } from '../../../club/members/v1/IdentifyRequest';
import type { ImportChunk as _club_members_v1_ImportChunk, ImportChunk__Output as _club_members_v1_ImportChunk__Output } from '../../../club/members/v1/ImportChunk';
import type { IssueCardRequest as _club_members_v1_IssueCardRequest, IssueCardRequest__Output as _club_members_v1_IssueCardRequest__Output } from '../../../club/members/v1/IssueCardRequest';
import type { JsonDocument as _club_members_v1_JsonDocument, JsonDocument__Output as _club_members_v1_JsonDocument__Output } from '../../../club/members/v1/JsonDocument';
import type { ListAttributesRequest as _club_members_v1_ListAttributesRequest, ListAttributesRequest__Output as _club_members_v1_ListAttributesRequest__Output } from '../../../club/members/v1/ListAttributesRequest';
import type { ListAttributesResponse as _club_members_v1_ListAttributesResponse, ListAttributesResponse__Output as _club_members_v1_ListAttributesResponse__Output } from '../../../club/members/v1/ListAttributesResponse';
import type { ListCardsRequest as _club_members_v1_ListCardsRequest, ListCardsRequest__Output as _club_members_v1_ListCardsRequest__Output } from '../../../club/members/v1/ListCardsRequest';
import type { ListCardsResponse as _club_members_v1_ListCardsResponse, ListCardsResponse__Output as _club_members_v1_ListCardsResponse__Output } from '../../../club/members/v1/ListCardsResponse';
import type { ListTierLaddersRequest as _club_members_v1_ListTierLaddersRequest, ListTierLaddersRequest__Output as _club_members_v1_ListTierLaddersRequest__Output } from '../../../club/members/v1/ListTierLaddersRequest';
import type { Member as _club_members_v1_Member, Member__Output as _club_members_v1_Member__Output } from '../../../club/members/v1/Member';
import type { RecordConsentRequest as _club_members_v1_RecordConsentRequest, RecordConsentRequest__Output as _club_members_v1_RecordConsentRequest__Output } from '../../../club/members/v1/RecordConsentRequest';
import type { TillMember as _club_members_v1_TillMember, TillMember__Output as _club_members_v1_TillMember__Output } from '../../../club/members/v1/TillMember';
import type { UpdateMemberRequest as _club_members_v1_UpdateMemberRequest, UpdateMemberRequest__Output as _club_members_v1_UpdateMemberRequest__Output } from '../../../club/members/v1/UpdateMemberRequest';

export interface MembersServiceClient extends grpc.Client {
  AppendImportChunk(argument: _club_members_v1_ImportChunk, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  AppendImportChunk(argument: _club_members_v1_ImportChunk, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  AppendImportChunk(argument: _club_members_v1_ImportChunk, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  AppendImportChunk(argument: _club_members_v1_ImportChunk, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  appendImportChunk(argument: _club_members_v1_ImportChunk, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  appendImportChunk(argument: _club_members_v1_ImportChunk, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  appendImportChunk(argument: _club_members_v1_ImportChunk, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  appendImportChunk(argument: _club_members_v1_ImportChunk, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  BlockCard(argument: _club_members_v1_CardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  BlockCard(argument: _club_members_v1_CardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  BlockCard(argument: _club_members_v1_CardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  BlockCard(argument: _club_members_v1_CardRequest, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  blockCard(argument: _club_members_v1_CardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  blockCard(argument: _club_members_v1_CardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  blockCard(argument: _club_members_v1_CardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  blockCard(argument: _club_members_v1_CardRequest, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  
  /**
   * Bulk import (CSV or JSON Lines): create, upload in chunks (each < 4 MiB), start, poll.
   */
  CreateImport(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CreateImport(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CreateImport(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CreateImport(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Bulk import (CSV or JSON Lines): create, upload in chunks (each < 4 MiB), start, poll.
   */
  createImport(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  createImport(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  createImport(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  createImport(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * Tenant-defined custom attributes (declared with a type; values are validated against it).
   */
  DefineAttribute(argument: _club_members_v1_AttributeDefinition, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_AttributeDefinition__Output>): grpc.ClientUnaryCall;
  DefineAttribute(argument: _club_members_v1_AttributeDefinition, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_AttributeDefinition__Output>): grpc.ClientUnaryCall;
  DefineAttribute(argument: _club_members_v1_AttributeDefinition, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_AttributeDefinition__Output>): grpc.ClientUnaryCall;
  DefineAttribute(argument: _club_members_v1_AttributeDefinition, callback: grpc.requestCallback<_club_members_v1_AttributeDefinition__Output>): grpc.ClientUnaryCall;
  /**
   * Tenant-defined custom attributes (declared with a type; values are validated against it).
   */
  defineAttribute(argument: _club_members_v1_AttributeDefinition, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_AttributeDefinition__Output>): grpc.ClientUnaryCall;
  defineAttribute(argument: _club_members_v1_AttributeDefinition, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_AttributeDefinition__Output>): grpc.ClientUnaryCall;
  defineAttribute(argument: _club_members_v1_AttributeDefinition, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_AttributeDefinition__Output>): grpc.ClientUnaryCall;
  defineAttribute(argument: _club_members_v1_AttributeDefinition, callback: grpc.requestCallback<_club_members_v1_AttributeDefinition__Output>): grpc.ClientUnaryCall;
  
  /**
   * Rule-based segments and personas: definitions (type-checked), membership pages, recompute.
   */
  DefineSegment(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineSegment(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineSegment(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineSegment(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Rule-based segments and personas: definitions (type-checked), membership pages, recompute.
   */
  defineSegment(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineSegment(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineSegment(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineSegment(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * Tier ladders are versioned (a definition never rewrites history); JSON per libs/contracts tiers.ts.
   */
  DefineTierLadder(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineTierLadder(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineTierLadder(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineTierLadder(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Tier ladders are versioned (a definition never rewrites history); JSON per libs/contracts tiers.ts.
   */
  defineTierLadder(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineTierLadder(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineTierLadder(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineTierLadder(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
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
  
  EraseMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  EraseMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  EraseMember(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  EraseMember(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  eraseMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  eraseMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  eraseMember(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  eraseMember(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * Privacy: everything held about a member, and erasure (personal data removed, cards released).
   */
  ExportMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ExportMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ExportMember(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ExportMember(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Privacy: everything held about a member, and erasure (personal data removed, cards released).
   */
  exportMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  exportMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  exportMember(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  exportMember(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetImport(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetImport(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetImport(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetImport(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getImport(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getImport(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getImport(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getImport(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  GetMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  GetMember(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  GetMember(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  getMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  getMember(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  getMember(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  getMember(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  
  /**
   * Scores, segments and journey recomputes are resumable jobs ("member passes"); {id} → status.
   */
  GetMemberPass(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberPass(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberPass(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberPass(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Scores, segments and journey recomputes are resumable jobs ("member passes"); {id} → status.
   */
  getMemberPass(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberPass(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberPass(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberPass(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * Customer value: RFM and CIVILFORMD scores, managers' manual factors, tenant weights.
   */
  GetMemberScores(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberScores(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberScores(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberScores(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Customer value: RFM and CIVILFORMD scores, managers' manual factors, tenant weights.
   */
  getMemberScores(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberScores(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberScores(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberScores(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetMemberSegments(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberSegments(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberSegments(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberSegments(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberSegments(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberSegments(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberSegments(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberSegments(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetMemberTier(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberTier(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberTier(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberTier(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberTier(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberTier(argument: _club_members_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberTier(argument: _club_members_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberTier(argument: _club_members_v1_GetMemberRequest, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetTierReview(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetTierReview(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetTierReview(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetTierReview(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getTierReview(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getTierReview(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getTierReview(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getTierReview(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
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
  
  /**
   * Identification for a checkout: the facts campaigns target and rules read (tier in the ladder
   * in force, tenure, segments, personas, journey stage, custom attributes, birth date) without
   * the profile. One query (ladders are cached per tenant).
   */
  IdentifyAtTill(argument: _club_members_v1_IdentifyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_TillMember__Output>): grpc.ClientUnaryCall;
  IdentifyAtTill(argument: _club_members_v1_IdentifyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_TillMember__Output>): grpc.ClientUnaryCall;
  IdentifyAtTill(argument: _club_members_v1_IdentifyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_TillMember__Output>): grpc.ClientUnaryCall;
  IdentifyAtTill(argument: _club_members_v1_IdentifyRequest, callback: grpc.requestCallback<_club_members_v1_TillMember__Output>): grpc.ClientUnaryCall;
  /**
   * Identification for a checkout: the facts campaigns target and rules read (tier in the ladder
   * in force, tenure, segments, personas, journey stage, custom attributes, birth date) without
   * the profile. One query (ladders are cached per tenant).
   */
  identifyAtTill(argument: _club_members_v1_IdentifyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_TillMember__Output>): grpc.ClientUnaryCall;
  identifyAtTill(argument: _club_members_v1_IdentifyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_TillMember__Output>): grpc.ClientUnaryCall;
  identifyAtTill(argument: _club_members_v1_IdentifyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_TillMember__Output>): grpc.ClientUnaryCall;
  identifyAtTill(argument: _club_members_v1_IdentifyRequest, callback: grpc.requestCallback<_club_members_v1_TillMember__Output>): grpc.ClientUnaryCall;
  
  IssueCard(argument: _club_members_v1_IssueCardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  IssueCard(argument: _club_members_v1_IssueCardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  IssueCard(argument: _club_members_v1_IssueCardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  IssueCard(argument: _club_members_v1_IssueCardRequest, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  issueCard(argument: _club_members_v1_IssueCardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  issueCard(argument: _club_members_v1_IssueCardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  issueCard(argument: _club_members_v1_IssueCardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  issueCard(argument: _club_members_v1_IssueCardRequest, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  
  ListAttributes(argument: _club_members_v1_ListAttributesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_ListAttributesResponse__Output>): grpc.ClientUnaryCall;
  ListAttributes(argument: _club_members_v1_ListAttributesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_ListAttributesResponse__Output>): grpc.ClientUnaryCall;
  ListAttributes(argument: _club_members_v1_ListAttributesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_ListAttributesResponse__Output>): grpc.ClientUnaryCall;
  ListAttributes(argument: _club_members_v1_ListAttributesRequest, callback: grpc.requestCallback<_club_members_v1_ListAttributesResponse__Output>): grpc.ClientUnaryCall;
  listAttributes(argument: _club_members_v1_ListAttributesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_ListAttributesResponse__Output>): grpc.ClientUnaryCall;
  listAttributes(argument: _club_members_v1_ListAttributesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_ListAttributesResponse__Output>): grpc.ClientUnaryCall;
  listAttributes(argument: _club_members_v1_ListAttributesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_ListAttributesResponse__Output>): grpc.ClientUnaryCall;
  listAttributes(argument: _club_members_v1_ListAttributesRequest, callback: grpc.requestCallback<_club_members_v1_ListAttributesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Cards: several per member; a replaced or blocked card identifies nobody.
   */
  ListCards(argument: _club_members_v1_ListCardsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_ListCardsResponse__Output>): grpc.ClientUnaryCall;
  ListCards(argument: _club_members_v1_ListCardsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_ListCardsResponse__Output>): grpc.ClientUnaryCall;
  ListCards(argument: _club_members_v1_ListCardsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_ListCardsResponse__Output>): grpc.ClientUnaryCall;
  ListCards(argument: _club_members_v1_ListCardsRequest, callback: grpc.requestCallback<_club_members_v1_ListCardsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Cards: several per member; a replaced or blocked card identifies nobody.
   */
  listCards(argument: _club_members_v1_ListCardsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_ListCardsResponse__Output>): grpc.ClientUnaryCall;
  listCards(argument: _club_members_v1_ListCardsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_ListCardsResponse__Output>): grpc.ClientUnaryCall;
  listCards(argument: _club_members_v1_ListCardsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_ListCardsResponse__Output>): grpc.ClientUnaryCall;
  listCards(argument: _club_members_v1_ListCardsRequest, callback: grpc.requestCallback<_club_members_v1_ListCardsResponse__Output>): grpc.ClientUnaryCall;
  
  ListSegmentMembers(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListSegmentMembers(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListSegmentMembers(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListSegmentMembers(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listSegmentMembers(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listSegmentMembers(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listSegmentMembers(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listSegmentMembers(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  ListSegments(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListSegments(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListSegments(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListSegments(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listSegments(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listSegments(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listSegments(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listSegments(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  ListTierLadders(argument: _club_members_v1_ListTierLaddersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListTierLadders(argument: _club_members_v1_ListTierLaddersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListTierLadders(argument: _club_members_v1_ListTierLaddersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListTierLadders(argument: _club_members_v1_ListTierLaddersRequest, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listTierLadders(argument: _club_members_v1_ListTierLaddersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listTierLadders(argument: _club_members_v1_ListTierLaddersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listTierLadders(argument: _club_members_v1_ListTierLaddersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listTierLadders(argument: _club_members_v1_ListTierLaddersRequest, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  RecomputeScores(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RecomputeScores(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RecomputeScores(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RecomputeScores(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  recomputeScores(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  recomputeScores(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  recomputeScores(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  recomputeScores(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  RecomputeSegments(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RecomputeSegments(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RecomputeSegments(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RecomputeSegments(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  recomputeSegments(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  recomputeSegments(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  recomputeSegments(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  recomputeSegments(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  RecordConsent(argument: _club_members_v1_RecordConsentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  RecordConsent(argument: _club_members_v1_RecordConsentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  RecordConsent(argument: _club_members_v1_RecordConsentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  RecordConsent(argument: _club_members_v1_RecordConsentRequest, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  recordConsent(argument: _club_members_v1_RecordConsentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  recordConsent(argument: _club_members_v1_RecordConsentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  recordConsent(argument: _club_members_v1_RecordConsentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  recordConsent(argument: _club_members_v1_RecordConsentRequest, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  
  ReplaceCard(argument: _club_members_v1_CardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  ReplaceCard(argument: _club_members_v1_CardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  ReplaceCard(argument: _club_members_v1_CardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  ReplaceCard(argument: _club_members_v1_CardRequest, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  replaceCard(argument: _club_members_v1_CardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  replaceCard(argument: _club_members_v1_CardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  replaceCard(argument: _club_members_v1_CardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  replaceCard(argument: _club_members_v1_CardRequest, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  
  RunJourneyPass(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RunJourneyPass(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RunJourneyPass(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RunJourneyPass(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  runJourneyPass(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  runJourneyPass(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  runJourneyPass(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  runJourneyPass(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * The customer journey: tenant thresholds and the daily pass (at risk, lapsed, churned).
   * The three recomputes answer with the member pass they started (or the one already running).
   */
  SetJourneyThresholds(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetJourneyThresholds(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetJourneyThresholds(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetJourneyThresholds(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * The customer journey: tenant thresholds and the daily pass (at risk, lapsed, churned).
   * The three recomputes answer with the member pass they started (or the one already running).
   */
  setJourneyThresholds(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setJourneyThresholds(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setJourneyThresholds(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setJourneyThresholds(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  SetManualFactor(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetManualFactor(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetManualFactor(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetManualFactor(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setManualFactor(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setManualFactor(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setManualFactor(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setManualFactor(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  SetScoringWeights(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetScoringWeights(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetScoringWeights(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetScoringWeights(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setScoringWeights(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setScoringWeights(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setScoringWeights(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setScoringWeights(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  StartImport(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  StartImport(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  StartImport(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  StartImport(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startImport(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startImport(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startImport(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startImport(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * The periodic review (downgrades happen only here): an asynchronous, resumable job; dry run previews.
   */
  StartTierReview(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  StartTierReview(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  StartTierReview(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  StartTierReview(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * The periodic review (downgrades happen only here): an asynchronous, resumable job; dry run previews.
   */
  startTierReview(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startTierReview(argument: _club_members_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startTierReview(argument: _club_members_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startTierReview(argument: _club_members_v1_JsonDocument, callback: grpc.requestCallback<_club_members_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  UnblockCard(argument: _club_members_v1_CardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  UnblockCard(argument: _club_members_v1_CardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  UnblockCard(argument: _club_members_v1_CardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  UnblockCard(argument: _club_members_v1_CardRequest, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  unblockCard(argument: _club_members_v1_CardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  unblockCard(argument: _club_members_v1_CardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  unblockCard(argument: _club_members_v1_CardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  unblockCard(argument: _club_members_v1_CardRequest, callback: grpc.requestCallback<_club_members_v1_Card__Output>): grpc.ClientUnaryCall;
  
  /**
   * RFC 7396 merge patch of the profile; every change emits members.member.updated.v1.
   */
  UpdateMember(argument: _club_members_v1_UpdateMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  UpdateMember(argument: _club_members_v1_UpdateMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  UpdateMember(argument: _club_members_v1_UpdateMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  UpdateMember(argument: _club_members_v1_UpdateMemberRequest, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  /**
   * RFC 7396 merge patch of the profile; every change emits members.member.updated.v1.
   */
  updateMember(argument: _club_members_v1_UpdateMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  updateMember(argument: _club_members_v1_UpdateMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  updateMember(argument: _club_members_v1_UpdateMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  updateMember(argument: _club_members_v1_UpdateMemberRequest, callback: grpc.requestCallback<_club_members_v1_Member__Output>): grpc.ClientUnaryCall;
  
}

export interface MembersServiceHandlers extends grpc.UntypedServiceImplementation {
  AppendImportChunk: grpc.handleUnaryCall<_club_members_v1_ImportChunk__Output, _club_members_v1_JsonDocument>;
  
  BlockCard: grpc.handleUnaryCall<_club_members_v1_CardRequest__Output, _club_members_v1_Card>;
  
  /**
   * Bulk import (CSV or JSON Lines): create, upload in chunks (each < 4 MiB), start, poll.
   */
  CreateImport: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  /**
   * Tenant-defined custom attributes (declared with a type; values are validated against it).
   */
  DefineAttribute: grpc.handleUnaryCall<_club_members_v1_AttributeDefinition__Output, _club_members_v1_AttributeDefinition>;
  
  /**
   * Rule-based segments and personas: definitions (type-checked), membership pages, recompute.
   */
  DefineSegment: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  /**
   * Tier ladders are versioned (a definition never rewrites history); JSON per libs/contracts tiers.ts.
   */
  DefineTierLadder: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  /**
   * Enrol a new member; ALREADY_EXISTS when the phone is taken in the tenant.
   */
  Enrol: grpc.handleUnaryCall<_club_members_v1_EnrolRequest__Output, _club_members_v1_Member>;
  
  EraseMember: grpc.handleUnaryCall<_club_members_v1_GetMemberRequest__Output, _club_members_v1_JsonDocument>;
  
  /**
   * Privacy: everything held about a member, and erasure (personal data removed, cards released).
   */
  ExportMember: grpc.handleUnaryCall<_club_members_v1_GetMemberRequest__Output, _club_members_v1_JsonDocument>;
  
  GetImport: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  GetMember: grpc.handleUnaryCall<_club_members_v1_GetMemberRequest__Output, _club_members_v1_Member>;
  
  /**
   * Scores, segments and journey recomputes are resumable jobs ("member passes"); {id} → status.
   */
  GetMemberPass: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  /**
   * Customer value: RFM and CIVILFORMD scores, managers' manual factors, tenant weights.
   */
  GetMemberScores: grpc.handleUnaryCall<_club_members_v1_GetMemberRequest__Output, _club_members_v1_JsonDocument>;
  
  GetMemberSegments: grpc.handleUnaryCall<_club_members_v1_GetMemberRequest__Output, _club_members_v1_JsonDocument>;
  
  GetMemberTier: grpc.handleUnaryCall<_club_members_v1_GetMemberRequest__Output, _club_members_v1_JsonDocument>;
  
  GetTierReview: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  /**
   * Identify a member at the till by exactly one of card number, phone or member id.
   * One indexed query; NOT_FOUND when nobody matches in the caller's tenant.
   */
  Identify: grpc.handleUnaryCall<_club_members_v1_IdentifyRequest__Output, _club_members_v1_Member>;
  
  /**
   * Identification for a checkout: the facts campaigns target and rules read (tier in the ladder
   * in force, tenure, segments, personas, journey stage, custom attributes, birth date) without
   * the profile. One query (ladders are cached per tenant).
   */
  IdentifyAtTill: grpc.handleUnaryCall<_club_members_v1_IdentifyRequest__Output, _club_members_v1_TillMember>;
  
  IssueCard: grpc.handleUnaryCall<_club_members_v1_IssueCardRequest__Output, _club_members_v1_Card>;
  
  ListAttributes: grpc.handleUnaryCall<_club_members_v1_ListAttributesRequest__Output, _club_members_v1_ListAttributesResponse>;
  
  /**
   * Cards: several per member; a replaced or blocked card identifies nobody.
   */
  ListCards: grpc.handleUnaryCall<_club_members_v1_ListCardsRequest__Output, _club_members_v1_ListCardsResponse>;
  
  ListSegmentMembers: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  ListSegments: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  ListTierLadders: grpc.handleUnaryCall<_club_members_v1_ListTierLaddersRequest__Output, _club_members_v1_JsonDocument>;
  
  RecomputeScores: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  RecomputeSegments: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  RecordConsent: grpc.handleUnaryCall<_club_members_v1_RecordConsentRequest__Output, _club_members_v1_Member>;
  
  ReplaceCard: grpc.handleUnaryCall<_club_members_v1_CardRequest__Output, _club_members_v1_Card>;
  
  RunJourneyPass: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  /**
   * The customer journey: tenant thresholds and the daily pass (at risk, lapsed, churned).
   * The three recomputes answer with the member pass they started (or the one already running).
   */
  SetJourneyThresholds: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  SetManualFactor: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  SetScoringWeights: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  StartImport: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  /**
   * The periodic review (downgrades happen only here): an asynchronous, resumable job; dry run previews.
   */
  StartTierReview: grpc.handleUnaryCall<_club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument>;
  
  UnblockCard: grpc.handleUnaryCall<_club_members_v1_CardRequest__Output, _club_members_v1_Card>;
  
  /**
   * RFC 7396 merge patch of the profile; every change emits members.member.updated.v1.
   */
  UpdateMember: grpc.handleUnaryCall<_club_members_v1_UpdateMemberRequest__Output, _club_members_v1_Member>;
  
}

export interface MembersServiceDefinition extends grpc.ServiceDefinition {
  AppendImportChunk: MethodDefinition<_club_members_v1_ImportChunk, _club_members_v1_JsonDocument, _club_members_v1_ImportChunk__Output, _club_members_v1_JsonDocument__Output>
  BlockCard: MethodDefinition<_club_members_v1_CardRequest, _club_members_v1_Card, _club_members_v1_CardRequest__Output, _club_members_v1_Card__Output>
  CreateImport: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  DefineAttribute: MethodDefinition<_club_members_v1_AttributeDefinition, _club_members_v1_AttributeDefinition, _club_members_v1_AttributeDefinition__Output, _club_members_v1_AttributeDefinition__Output>
  DefineSegment: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  DefineTierLadder: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  Enrol: MethodDefinition<_club_members_v1_EnrolRequest, _club_members_v1_Member, _club_members_v1_EnrolRequest__Output, _club_members_v1_Member__Output>
  EraseMember: MethodDefinition<_club_members_v1_GetMemberRequest, _club_members_v1_JsonDocument, _club_members_v1_GetMemberRequest__Output, _club_members_v1_JsonDocument__Output>
  ExportMember: MethodDefinition<_club_members_v1_GetMemberRequest, _club_members_v1_JsonDocument, _club_members_v1_GetMemberRequest__Output, _club_members_v1_JsonDocument__Output>
  GetImport: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  GetMember: MethodDefinition<_club_members_v1_GetMemberRequest, _club_members_v1_Member, _club_members_v1_GetMemberRequest__Output, _club_members_v1_Member__Output>
  GetMemberPass: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  GetMemberScores: MethodDefinition<_club_members_v1_GetMemberRequest, _club_members_v1_JsonDocument, _club_members_v1_GetMemberRequest__Output, _club_members_v1_JsonDocument__Output>
  GetMemberSegments: MethodDefinition<_club_members_v1_GetMemberRequest, _club_members_v1_JsonDocument, _club_members_v1_GetMemberRequest__Output, _club_members_v1_JsonDocument__Output>
  GetMemberTier: MethodDefinition<_club_members_v1_GetMemberRequest, _club_members_v1_JsonDocument, _club_members_v1_GetMemberRequest__Output, _club_members_v1_JsonDocument__Output>
  GetTierReview: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  Identify: MethodDefinition<_club_members_v1_IdentifyRequest, _club_members_v1_Member, _club_members_v1_IdentifyRequest__Output, _club_members_v1_Member__Output>
  IdentifyAtTill: MethodDefinition<_club_members_v1_IdentifyRequest, _club_members_v1_TillMember, _club_members_v1_IdentifyRequest__Output, _club_members_v1_TillMember__Output>
  IssueCard: MethodDefinition<_club_members_v1_IssueCardRequest, _club_members_v1_Card, _club_members_v1_IssueCardRequest__Output, _club_members_v1_Card__Output>
  ListAttributes: MethodDefinition<_club_members_v1_ListAttributesRequest, _club_members_v1_ListAttributesResponse, _club_members_v1_ListAttributesRequest__Output, _club_members_v1_ListAttributesResponse__Output>
  ListCards: MethodDefinition<_club_members_v1_ListCardsRequest, _club_members_v1_ListCardsResponse, _club_members_v1_ListCardsRequest__Output, _club_members_v1_ListCardsResponse__Output>
  ListSegmentMembers: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  ListSegments: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  ListTierLadders: MethodDefinition<_club_members_v1_ListTierLaddersRequest, _club_members_v1_JsonDocument, _club_members_v1_ListTierLaddersRequest__Output, _club_members_v1_JsonDocument__Output>
  RecomputeScores: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  RecomputeSegments: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  RecordConsent: MethodDefinition<_club_members_v1_RecordConsentRequest, _club_members_v1_Member, _club_members_v1_RecordConsentRequest__Output, _club_members_v1_Member__Output>
  ReplaceCard: MethodDefinition<_club_members_v1_CardRequest, _club_members_v1_Card, _club_members_v1_CardRequest__Output, _club_members_v1_Card__Output>
  RunJourneyPass: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  SetJourneyThresholds: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  SetManualFactor: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  SetScoringWeights: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  StartImport: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  StartTierReview: MethodDefinition<_club_members_v1_JsonDocument, _club_members_v1_JsonDocument, _club_members_v1_JsonDocument__Output, _club_members_v1_JsonDocument__Output>
  UnblockCard: MethodDefinition<_club_members_v1_CardRequest, _club_members_v1_Card, _club_members_v1_CardRequest__Output, _club_members_v1_Card__Output>
  UpdateMember: MethodDefinition<_club_members_v1_UpdateMemberRequest, _club_members_v1_Member, _club_members_v1_UpdateMemberRequest__Output, _club_members_v1_Member__Output>
}
