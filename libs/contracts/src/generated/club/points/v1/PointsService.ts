// Original file: proto/club/points/v1/points.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AcceptPendingRequest as _club_points_v1_AcceptPendingRequest, AcceptPendingRequest__Output as _club_points_v1_AcceptPendingRequest__Output } from '../../../club/points/v1/AcceptPendingRequest';
import type { AdjustRequest as _club_points_v1_AdjustRequest, AdjustRequest__Output as _club_points_v1_AdjustRequest__Output } from '../../../club/points/v1/AdjustRequest';
import type { AdjustResponse as _club_points_v1_AdjustResponse, AdjustResponse__Output as _club_points_v1_AdjustResponse__Output } from '../../../club/points/v1/AdjustResponse';
import type { Balance as _club_points_v1_Balance, Balance__Output as _club_points_v1_Balance__Output } from '../../../club/points/v1/Balance';
import type { EarnForCheckoutRequest as _club_points_v1_EarnForCheckoutRequest, EarnForCheckoutRequest__Output as _club_points_v1_EarnForCheckoutRequest__Output } from '../../../club/points/v1/EarnForCheckoutRequest';
import type { EarnForCheckoutResponse as _club_points_v1_EarnForCheckoutResponse, EarnForCheckoutResponse__Output as _club_points_v1_EarnForCheckoutResponse__Output } from '../../../club/points/v1/EarnForCheckoutResponse';
import type { EarnRate as _club_points_v1_EarnRate, EarnRate__Output as _club_points_v1_EarnRate__Output } from '../../../club/points/v1/EarnRate';
import type { EntryPage as _club_points_v1_EntryPage, EntryPage__Output as _club_points_v1_EntryPage__Output } from '../../../club/points/v1/EntryPage';
import type { GetBalanceRequest as _club_points_v1_GetBalanceRequest, GetBalanceRequest__Output as _club_points_v1_GetBalanceRequest__Output } from '../../../club/points/v1/GetBalanceRequest';
import type { GetEarnRateRequest as _club_points_v1_GetEarnRateRequest, GetEarnRateRequest__Output as _club_points_v1_GetEarnRateRequest__Output } from '../../../club/points/v1/GetEarnRateRequest';
import type { JsonDocument as _club_points_v1_JsonDocument, JsonDocument__Output as _club_points_v1_JsonDocument__Output } from '../../../club/points/v1/JsonDocument';
import type { ListEntriesRequest as _club_points_v1_ListEntriesRequest, ListEntriesRequest__Output as _club_points_v1_ListEntriesRequest__Output } from '../../../club/points/v1/ListEntriesRequest';
import type { RedeemRequest as _club_points_v1_RedeemRequest, RedeemRequest__Output as _club_points_v1_RedeemRequest__Output } from '../../../club/points/v1/RedeemRequest';
import type { RedemptionRef as _club_points_v1_RedemptionRef, RedemptionRef__Output as _club_points_v1_RedemptionRef__Output } from '../../../club/points/v1/RedemptionRef';
import type { RedemptionResponse as _club_points_v1_RedemptionResponse, RedemptionResponse__Output as _club_points_v1_RedemptionResponse__Output } from '../../../club/points/v1/RedemptionResponse';
import type { ReturnRequest as _club_points_v1_ReturnRequest, ReturnRequest__Output as _club_points_v1_ReturnRequest__Output } from '../../../club/points/v1/ReturnRequest';
import type { ReturnResponse as _club_points_v1_ReturnResponse, ReturnResponse__Output as _club_points_v1_ReturnResponse__Output } from '../../../club/points/v1/ReturnResponse';

export interface PointsServiceClient extends grpc.Client {
  /**
   * Pending points of one checkout made spendable now (an explicit accept), once per
   * transaction (a retry answers the first balance); unknown transaction NOT_FOUND.
   */
  AcceptPending(argument: _club_points_v1_AcceptPendingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  AcceptPending(argument: _club_points_v1_AcceptPendingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  AcceptPending(argument: _club_points_v1_AcceptPendingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  AcceptPending(argument: _club_points_v1_AcceptPendingRequest, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  /**
   * Pending points of one checkout made spendable now (an explicit accept), once per
   * transaction (a retry answers the first balance); unknown transaction NOT_FOUND.
   */
  acceptPending(argument: _club_points_v1_AcceptPendingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  acceptPending(argument: _club_points_v1_AcceptPendingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  acceptPending(argument: _club_points_v1_AcceptPendingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  acceptPending(argument: _club_points_v1_AcceptPendingRequest, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  
  /**
   * Manual ± adjustment by an operator with a reason (audited), idempotent by adjustment_id.
   */
  Adjust(argument: _club_points_v1_AdjustRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_AdjustResponse__Output>): grpc.ClientUnaryCall;
  Adjust(argument: _club_points_v1_AdjustRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_AdjustResponse__Output>): grpc.ClientUnaryCall;
  Adjust(argument: _club_points_v1_AdjustRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_AdjustResponse__Output>): grpc.ClientUnaryCall;
  Adjust(argument: _club_points_v1_AdjustRequest, callback: grpc.requestCallback<_club_points_v1_AdjustResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Manual ± adjustment by an operator with a reason (audited), idempotent by adjustment_id.
   */
  adjust(argument: _club_points_v1_AdjustRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_AdjustResponse__Output>): grpc.ClientUnaryCall;
  adjust(argument: _club_points_v1_AdjustRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_AdjustResponse__Output>): grpc.ClientUnaryCall;
  adjust(argument: _club_points_v1_AdjustRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_AdjustResponse__Output>): grpc.ClientUnaryCall;
  adjust(argument: _club_points_v1_AdjustRequest, callback: grpc.requestCallback<_club_points_v1_AdjustResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Points an event-triggered campaign rule awards (campaigns only): {awardId, memberId, points > 0,
   * reason, provenance {basePoints: 0, campaigns: [{campaignId, version, ruleId, kind, points}]}}.
   * A positive adjustment by operator `campaigns`, idempotent per awardId. Answers AdjustResult as JSON.
   */
  AwardPoints(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  AwardPoints(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  AwardPoints(argument: _club_points_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  AwardPoints(argument: _club_points_v1_JsonDocument, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Points an event-triggered campaign rule awards (campaigns only): {awardId, memberId, points > 0,
   * reason, provenance {basePoints: 0, campaigns: [{campaignId, version, ruleId, kind, points}]}}.
   * A positive adjustment by operator `campaigns`, idempotent per awardId. Answers AdjustResult as JSON.
   */
  awardPoints(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  awardPoints(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  awardPoints(argument: _club_points_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  awardPoints(argument: _club_points_v1_JsonDocument, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  CaptureRedemption(argument: _club_points_v1_RedemptionRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  CaptureRedemption(argument: _club_points_v1_RedemptionRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  CaptureRedemption(argument: _club_points_v1_RedemptionRef, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  CaptureRedemption(argument: _club_points_v1_RedemptionRef, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  captureRedemption(argument: _club_points_v1_RedemptionRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  captureRedemption(argument: _club_points_v1_RedemptionRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  captureRedemption(argument: _club_points_v1_RedemptionRef, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  captureRedemption(argument: _club_points_v1_RedemptionRef, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Credit the points a checkout earns. Idempotent per tenant and transaction_id:
   * the same request again returns the first response with replayed = true;
   * a different request under the same transaction_id is ALREADY_EXISTS (HTTP 409).
   */
  EarnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  EarnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  EarnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  EarnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Credit the points a checkout earns. Idempotent per tenant and transaction_id:
   * the same request again returns the first response with replayed = true;
   * a different request under the same transaction_id is ALREADY_EXISTS (HTTP 409).
   */
  earnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  earnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  earnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  earnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  
  GetBalance(argument: _club_points_v1_GetBalanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  GetBalance(argument: _club_points_v1_GetBalanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  GetBalance(argument: _club_points_v1_GetBalanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  GetBalance(argument: _club_points_v1_GetBalanceRequest, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  getBalance(argument: _club_points_v1_GetBalanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  getBalance(argument: _club_points_v1_GetBalanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  getBalance(argument: _club_points_v1_GetBalanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  getBalance(argument: _club_points_v1_GetBalanceRequest, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  
  GetEarnRate(argument: _club_points_v1_GetEarnRateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  GetEarnRate(argument: _club_points_v1_GetEarnRateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  GetEarnRate(argument: _club_points_v1_GetEarnRateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  GetEarnRate(argument: _club_points_v1_GetEarnRateRequest, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  getEarnRate(argument: _club_points_v1_GetEarnRateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  getEarnRate(argument: _club_points_v1_GetEarnRateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  getEarnRate(argument: _club_points_v1_GetEarnRateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  getEarnRate(argument: _club_points_v1_GetEarnRateRequest, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  
  GetLedgerJob(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetLedgerJob(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetLedgerJob(argument: _club_points_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetLedgerJob(argument: _club_points_v1_JsonDocument, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getLedgerJob(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getLedgerJob(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getLedgerJob(argument: _club_points_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getLedgerJob(argument: _club_points_v1_JsonDocument, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetLedgerPolicy(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetLedgerPolicy(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetLedgerPolicy(argument: _club_points_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetLedgerPolicy(argument: _club_points_v1_JsonDocument, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getLedgerPolicy(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getLedgerPolicy(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getLedgerPolicy(argument: _club_points_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getLedgerPolicy(argument: _club_points_v1_JsonDocument, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetLiability(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetLiability(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetLiability(argument: _club_points_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetLiability(argument: _club_points_v1_JsonDocument, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getLiability(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getLiability(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getLiability(argument: _club_points_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getLiability(argument: _club_points_v1_JsonDocument, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * A member's entries, newest first, keyset-paginated.
   */
  ListEntries(argument: _club_points_v1_ListEntriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EntryPage__Output>): grpc.ClientUnaryCall;
  ListEntries(argument: _club_points_v1_ListEntriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EntryPage__Output>): grpc.ClientUnaryCall;
  ListEntries(argument: _club_points_v1_ListEntriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EntryPage__Output>): grpc.ClientUnaryCall;
  ListEntries(argument: _club_points_v1_ListEntriesRequest, callback: grpc.requestCallback<_club_points_v1_EntryPage__Output>): grpc.ClientUnaryCall;
  /**
   * A member's entries, newest first, keyset-paginated.
   */
  listEntries(argument: _club_points_v1_ListEntriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EntryPage__Output>): grpc.ClientUnaryCall;
  listEntries(argument: _club_points_v1_ListEntriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EntryPage__Output>): grpc.ClientUnaryCall;
  listEntries(argument: _club_points_v1_ListEntriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EntryPage__Output>): grpc.ClientUnaryCall;
  listEntries(argument: _club_points_v1_ListEntriesRequest, callback: grpc.requestCallback<_club_points_v1_EntryPage__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns against a recorded checkout, idempotent by return_id (tenant-wide). More than was
   * bought, or a sku the checkout does not have, is FAILED_PRECONDITION (HTTP 422); an unknown
   * transaction NOT_FOUND.
   */
  RecordReturn(argument: _club_points_v1_ReturnRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_ReturnResponse__Output>): grpc.ClientUnaryCall;
  RecordReturn(argument: _club_points_v1_ReturnRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_ReturnResponse__Output>): grpc.ClientUnaryCall;
  RecordReturn(argument: _club_points_v1_ReturnRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_ReturnResponse__Output>): grpc.ClientUnaryCall;
  RecordReturn(argument: _club_points_v1_ReturnRequest, callback: grpc.requestCallback<_club_points_v1_ReturnResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns against a recorded checkout, idempotent by return_id (tenant-wide). More than was
   * bought, or a sku the checkout does not have, is FAILED_PRECONDITION (HTTP 422); an unknown
   * transaction NOT_FOUND.
   */
  recordReturn(argument: _club_points_v1_ReturnRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_ReturnResponse__Output>): grpc.ClientUnaryCall;
  recordReturn(argument: _club_points_v1_ReturnRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_ReturnResponse__Output>): grpc.ClientUnaryCall;
  recordReturn(argument: _club_points_v1_ReturnRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_ReturnResponse__Output>): grpc.ClientUnaryCall;
  recordReturn(argument: _club_points_v1_ReturnRequest, callback: grpc.requestCallback<_club_points_v1_ReturnResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Spending. Idempotent by redemption_id (tenant-wide): the same request again answers the
   * first outcome with replayed = true (a refusal is answered again as the same error); another
   * request under the same id is ALREADY_EXISTS. Not enough points is FAILED_PRECONDITION with
   * the shortfall (HTTP 422). Capture/release: unknown id NOT_FOUND; not held (captured,
   * released, expired) or a capture past the hold's TTL FAILED_PRECONDITION.
   */
  Redeem(argument: _club_points_v1_RedeemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  Redeem(argument: _club_points_v1_RedeemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  Redeem(argument: _club_points_v1_RedeemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  Redeem(argument: _club_points_v1_RedeemRequest, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Spending. Idempotent by redemption_id (tenant-wide): the same request again answers the
   * first outcome with replayed = true (a refusal is answered again as the same error); another
   * request under the same id is ALREADY_EXISTS. Not enough points is FAILED_PRECONDITION with
   * the shortfall (HTTP 422). Capture/release: unknown id NOT_FOUND; not held (captured,
   * released, expired) or a capture past the hold's TTL FAILED_PRECONDITION.
   */
  redeem(argument: _club_points_v1_RedeemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  redeem(argument: _club_points_v1_RedeemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  redeem(argument: _club_points_v1_RedeemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  redeem(argument: _club_points_v1_RedeemRequest, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  
  ReleaseRedemption(argument: _club_points_v1_RedemptionRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  ReleaseRedemption(argument: _club_points_v1_RedemptionRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  ReleaseRedemption(argument: _club_points_v1_RedemptionRef, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  ReleaseRedemption(argument: _club_points_v1_RedemptionRef, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  releaseRedemption(argument: _club_points_v1_RedemptionRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  releaseRedemption(argument: _club_points_v1_RedemptionRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  releaseRedemption(argument: _club_points_v1_RedemptionRef, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  releaseRedemption(argument: _club_points_v1_RedemptionRef, callback: grpc.requestCallback<_club_points_v1_RedemptionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The tenant's flat earn rate: `points` for every `per_amount` minor currency units.
   */
  SetEarnRate(argument: _club_points_v1_EarnRate, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  SetEarnRate(argument: _club_points_v1_EarnRate, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  SetEarnRate(argument: _club_points_v1_EarnRate, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  SetEarnRate(argument: _club_points_v1_EarnRate, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  /**
   * The tenant's flat earn rate: `points` for every `per_amount` minor currency units.
   */
  setEarnRate(argument: _club_points_v1_EarnRate, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  setEarnRate(argument: _club_points_v1_EarnRate, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  setEarnRate(argument: _club_points_v1_EarnRate, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  setEarnRate(argument: _club_points_v1_EarnRate, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  
  /**
   * Back-office documents validated by the zod schemas in libs/contracts (ledger policy, jobs,
   * liability report), like the members service's JSON RPCs.
   */
  SetLedgerPolicy(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetLedgerPolicy(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetLedgerPolicy(argument: _club_points_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetLedgerPolicy(argument: _club_points_v1_JsonDocument, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Back-office documents validated by the zod schemas in libs/contracts (ledger policy, jobs,
   * liability report), like the members service's JSON RPCs.
   */
  setLedgerPolicy(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setLedgerPolicy(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setLedgerPolicy(argument: _club_points_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setLedgerPolicy(argument: _club_points_v1_JsonDocument, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  StartLedgerJob(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  StartLedgerJob(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  StartLedgerJob(argument: _club_points_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  StartLedgerJob(argument: _club_points_v1_JsonDocument, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startLedgerJob(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startLedgerJob(argument: _club_points_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startLedgerJob(argument: _club_points_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startLedgerJob(argument: _club_points_v1_JsonDocument, callback: grpc.requestCallback<_club_points_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
}

export interface PointsServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Pending points of one checkout made spendable now (an explicit accept), once per
   * transaction (a retry answers the first balance); unknown transaction NOT_FOUND.
   */
  AcceptPending: grpc.handleUnaryCall<_club_points_v1_AcceptPendingRequest__Output, _club_points_v1_Balance>;
  
  /**
   * Manual ± adjustment by an operator with a reason (audited), idempotent by adjustment_id.
   */
  Adjust: grpc.handleUnaryCall<_club_points_v1_AdjustRequest__Output, _club_points_v1_AdjustResponse>;
  
  /**
   * Points an event-triggered campaign rule awards (campaigns only): {awardId, memberId, points > 0,
   * reason, provenance {basePoints: 0, campaigns: [{campaignId, version, ruleId, kind, points}]}}.
   * A positive adjustment by operator `campaigns`, idempotent per awardId. Answers AdjustResult as JSON.
   */
  AwardPoints: grpc.handleUnaryCall<_club_points_v1_JsonDocument__Output, _club_points_v1_JsonDocument>;
  
  CaptureRedemption: grpc.handleUnaryCall<_club_points_v1_RedemptionRef__Output, _club_points_v1_RedemptionResponse>;
  
  /**
   * Credit the points a checkout earns. Idempotent per tenant and transaction_id:
   * the same request again returns the first response with replayed = true;
   * a different request under the same transaction_id is ALREADY_EXISTS (HTTP 409).
   */
  EarnForCheckout: grpc.handleUnaryCall<_club_points_v1_EarnForCheckoutRequest__Output, _club_points_v1_EarnForCheckoutResponse>;
  
  GetBalance: grpc.handleUnaryCall<_club_points_v1_GetBalanceRequest__Output, _club_points_v1_Balance>;
  
  GetEarnRate: grpc.handleUnaryCall<_club_points_v1_GetEarnRateRequest__Output, _club_points_v1_EarnRate>;
  
  GetLedgerJob: grpc.handleUnaryCall<_club_points_v1_JsonDocument__Output, _club_points_v1_JsonDocument>;
  
  GetLedgerPolicy: grpc.handleUnaryCall<_club_points_v1_JsonDocument__Output, _club_points_v1_JsonDocument>;
  
  GetLiability: grpc.handleUnaryCall<_club_points_v1_JsonDocument__Output, _club_points_v1_JsonDocument>;
  
  /**
   * A member's entries, newest first, keyset-paginated.
   */
  ListEntries: grpc.handleUnaryCall<_club_points_v1_ListEntriesRequest__Output, _club_points_v1_EntryPage>;
  
  /**
   * Returns against a recorded checkout, idempotent by return_id (tenant-wide). More than was
   * bought, or a sku the checkout does not have, is FAILED_PRECONDITION (HTTP 422); an unknown
   * transaction NOT_FOUND.
   */
  RecordReturn: grpc.handleUnaryCall<_club_points_v1_ReturnRequest__Output, _club_points_v1_ReturnResponse>;
  
  /**
   * Spending. Idempotent by redemption_id (tenant-wide): the same request again answers the
   * first outcome with replayed = true (a refusal is answered again as the same error); another
   * request under the same id is ALREADY_EXISTS. Not enough points is FAILED_PRECONDITION with
   * the shortfall (HTTP 422). Capture/release: unknown id NOT_FOUND; not held (captured,
   * released, expired) or a capture past the hold's TTL FAILED_PRECONDITION.
   */
  Redeem: grpc.handleUnaryCall<_club_points_v1_RedeemRequest__Output, _club_points_v1_RedemptionResponse>;
  
  ReleaseRedemption: grpc.handleUnaryCall<_club_points_v1_RedemptionRef__Output, _club_points_v1_RedemptionResponse>;
  
  /**
   * The tenant's flat earn rate: `points` for every `per_amount` minor currency units.
   */
  SetEarnRate: grpc.handleUnaryCall<_club_points_v1_EarnRate__Output, _club_points_v1_EarnRate>;
  
  /**
   * Back-office documents validated by the zod schemas in libs/contracts (ledger policy, jobs,
   * liability report), like the members service's JSON RPCs.
   */
  SetLedgerPolicy: grpc.handleUnaryCall<_club_points_v1_JsonDocument__Output, _club_points_v1_JsonDocument>;
  
  StartLedgerJob: grpc.handleUnaryCall<_club_points_v1_JsonDocument__Output, _club_points_v1_JsonDocument>;
  
}

export interface PointsServiceDefinition extends grpc.ServiceDefinition {
  AcceptPending: MethodDefinition<_club_points_v1_AcceptPendingRequest, _club_points_v1_Balance, _club_points_v1_AcceptPendingRequest__Output, _club_points_v1_Balance__Output>
  Adjust: MethodDefinition<_club_points_v1_AdjustRequest, _club_points_v1_AdjustResponse, _club_points_v1_AdjustRequest__Output, _club_points_v1_AdjustResponse__Output>
  AwardPoints: MethodDefinition<_club_points_v1_JsonDocument, _club_points_v1_JsonDocument, _club_points_v1_JsonDocument__Output, _club_points_v1_JsonDocument__Output>
  CaptureRedemption: MethodDefinition<_club_points_v1_RedemptionRef, _club_points_v1_RedemptionResponse, _club_points_v1_RedemptionRef__Output, _club_points_v1_RedemptionResponse__Output>
  EarnForCheckout: MethodDefinition<_club_points_v1_EarnForCheckoutRequest, _club_points_v1_EarnForCheckoutResponse, _club_points_v1_EarnForCheckoutRequest__Output, _club_points_v1_EarnForCheckoutResponse__Output>
  GetBalance: MethodDefinition<_club_points_v1_GetBalanceRequest, _club_points_v1_Balance, _club_points_v1_GetBalanceRequest__Output, _club_points_v1_Balance__Output>
  GetEarnRate: MethodDefinition<_club_points_v1_GetEarnRateRequest, _club_points_v1_EarnRate, _club_points_v1_GetEarnRateRequest__Output, _club_points_v1_EarnRate__Output>
  GetLedgerJob: MethodDefinition<_club_points_v1_JsonDocument, _club_points_v1_JsonDocument, _club_points_v1_JsonDocument__Output, _club_points_v1_JsonDocument__Output>
  GetLedgerPolicy: MethodDefinition<_club_points_v1_JsonDocument, _club_points_v1_JsonDocument, _club_points_v1_JsonDocument__Output, _club_points_v1_JsonDocument__Output>
  GetLiability: MethodDefinition<_club_points_v1_JsonDocument, _club_points_v1_JsonDocument, _club_points_v1_JsonDocument__Output, _club_points_v1_JsonDocument__Output>
  ListEntries: MethodDefinition<_club_points_v1_ListEntriesRequest, _club_points_v1_EntryPage, _club_points_v1_ListEntriesRequest__Output, _club_points_v1_EntryPage__Output>
  RecordReturn: MethodDefinition<_club_points_v1_ReturnRequest, _club_points_v1_ReturnResponse, _club_points_v1_ReturnRequest__Output, _club_points_v1_ReturnResponse__Output>
  Redeem: MethodDefinition<_club_points_v1_RedeemRequest, _club_points_v1_RedemptionResponse, _club_points_v1_RedeemRequest__Output, _club_points_v1_RedemptionResponse__Output>
  ReleaseRedemption: MethodDefinition<_club_points_v1_RedemptionRef, _club_points_v1_RedemptionResponse, _club_points_v1_RedemptionRef__Output, _club_points_v1_RedemptionResponse__Output>
  SetEarnRate: MethodDefinition<_club_points_v1_EarnRate, _club_points_v1_EarnRate, _club_points_v1_EarnRate__Output, _club_points_v1_EarnRate__Output>
  SetLedgerPolicy: MethodDefinition<_club_points_v1_JsonDocument, _club_points_v1_JsonDocument, _club_points_v1_JsonDocument__Output, _club_points_v1_JsonDocument__Output>
  StartLedgerJob: MethodDefinition<_club_points_v1_JsonDocument, _club_points_v1_JsonDocument, _club_points_v1_JsonDocument__Output, _club_points_v1_JsonDocument__Output>
}
