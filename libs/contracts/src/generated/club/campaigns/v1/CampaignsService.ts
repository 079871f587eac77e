// Original file: proto/club/campaigns/v1/campaigns.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { JsonDocument as _club_campaigns_v1_JsonDocument, JsonDocument__Output as _club_campaigns_v1_JsonDocument__Output } from '../../../club/campaigns/v1/JsonDocument';
import type { ListCampaignsRequest as _club_campaigns_v1_ListCampaignsRequest, ListCampaignsRequest__Output as _club_campaigns_v1_ListCampaignsRequest__Output } from '../../../club/campaigns/v1/ListCampaignsRequest';
import type { ListCampaignsResponse as _club_campaigns_v1_ListCampaignsResponse, ListCampaignsResponse__Output as _club_campaigns_v1_ListCampaignsResponse__Output } from '../../../club/campaigns/v1/ListCampaignsResponse';

export interface CampaignsServiceClient extends grpc.Client {
  CampaignAction(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CampaignAction(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CampaignAction(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CampaignAction(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  campaignAction(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  campaignAction(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  campaignAction(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  campaignAction(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  CheckCoupon(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CheckCoupon(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CheckCoupon(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CheckCoupon(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  checkCoupon(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  checkCoupon(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  checkCoupon(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  checkCoupon(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * Campaign documents validated by the zod schemas in libs/contracts (campaigns.ts):
   * {definition, operator} → the view; {id, definition, operator} → a new version;
   * {id, action: publish|pause|resume|end, operator}; {id}.
   */
  CreateCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CreateCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CreateCampaign(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CreateCampaign(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Campaign documents validated by the zod schemas in libs/contracts (campaigns.ts):
   * {definition, operator} → the view; {id, definition, operator} → a new version;
   * {id, action: publish|pause|resume|end, operator}; {id}.
   */
  createCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  createCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  createCampaign(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  createCampaign(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * Coupons: {batch input, operator} → the batch; {batchId, cursor?, limit?} → a page of codes;
   * {code, memberId?} → usable or why not; {transactionId, memberId, codes} → all redeemed or
   * none (idempotent per transaction); {transactionId} → the checkout's coupons restored.
   */
  CreateCouponBatch(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CreateCouponBatch(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CreateCouponBatch(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CreateCouponBatch(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Coupons: {batch input, operator} → the batch; {batchId, cursor?, limit?} → a page of codes;
   * {code, memberId?} → usable or why not; {transactionId, memberId, codes} → all redeemed or
   * none (idempotent per transaction); {transactionId} → the checkout's coupons restored.
   */
  createCouponBatch(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  createCouponBatch(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  createCouponBatch(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  createCouponBatch(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * What a checkout earns from the live campaigns (checkoutEvaluationRequestSchema →
   * checkoutEvaluationSchema): idempotent per transaction id; budgets never overshoot.
   */
  EvaluateCheckout(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  EvaluateCheckout(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  EvaluateCheckout(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  EvaluateCheckout(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * What a checkout earns from the live campaigns (checkoutEvaluationRequestSchema →
   * checkoutEvaluationSchema): idempotent per transaction id; budgets never overshoot.
   */
  evaluateCheckout(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  evaluateCheckout(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  evaluateCheckout(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  evaluateCheckout(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetCampaign(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetCampaign(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaign(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaign(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  ListCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  ListCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  ListCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  ListCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  
  ListCouponCodes(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListCouponCodes(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListCouponCodes(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListCouponCodes(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listCouponCodes(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listCouponCodes(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listCouponCodes(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listCouponCodes(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  RedeemCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RedeemCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RedeemCoupons(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RedeemCoupons(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  redeemCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  redeemCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  redeemCoupons(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  redeemCoupons(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  RestoreCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RestoreCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RestoreCoupons(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RestoreCoupons(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  restoreCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  restoreCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  restoreCoupons(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  restoreCoupons(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  SaveCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveCampaign(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveCampaign(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveCampaign(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveCampaign(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * A dry run (simulationRequestSchema): the live campaigns plus an optional draft; records nothing.
   */
  SimulateCheckout(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SimulateCheckout(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SimulateCheckout(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SimulateCheckout(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * A dry run (simulationRequestSchema): the live campaigns plus an optional draft; records nothing.
   */
  simulateCheckout(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  simulateCheckout(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  simulateCheckout(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  simulateCheckout(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
}

export interface CampaignsServiceHandlers extends grpc.UntypedServiceImplementation {
  CampaignAction: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  CheckCoupon: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  /**
   * Campaign documents validated by the zod schemas in libs/contracts (campaigns.ts):
   * {definition, operator} → the view; {id, definition, operator} → a new version;
   * {id, action: publish|pause|resume|end, operator}; {id}.
   */
  CreateCampaign: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  /**
   * Coupons: {batch input, operator} → the batch; {batchId, cursor?, limit?} → a page of codes;
   * {code, memberId?} → usable or why not; {transactionId, memberId, codes} → all redeemed or
   * none (idempotent per transaction); {transactionId} → the checkout's coupons restored.
   */
  CreateCouponBatch: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  /**
   * What a checkout earns from the live campaigns (checkoutEvaluationRequestSchema →
   * checkoutEvaluationSchema): idempotent per transaction id; budgets never overshoot.
   */
  EvaluateCheckout: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  GetCampaign: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  ListCampaigns: grpc.handleUnaryCall<_club_campaigns_v1_ListCampaignsRequest__Output, _club_campaigns_v1_ListCampaignsResponse>;
  
  ListCouponCodes: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  RedeemCoupons: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  RestoreCoupons: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  SaveCampaign: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  /**
   * A dry run (simulationRequestSchema): the live campaigns plus an optional draft; records nothing.
   */
  SimulateCheckout: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
}

export interface CampaignsServiceDefinition extends grpc.ServiceDefinition {
  CampaignAction: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  CheckCoupon: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  CreateCampaign: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  CreateCouponBatch: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  EvaluateCheckout: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  GetCampaign: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  ListCampaigns: MethodDefinition<_club_campaigns_v1_ListCampaignsRequest, _club_campaigns_v1_ListCampaignsResponse, _club_campaigns_v1_ListCampaignsRequest__Output, _club_campaigns_v1_ListCampaignsResponse__Output>
  ListCouponCodes: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  RedeemCoupons: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  RestoreCoupons: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  SaveCampaign: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  SimulateCheckout: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
}
