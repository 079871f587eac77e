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
   * The rewards catalogue (rewards.ts): {reward, operator} → the reward; {id, reward, operator} →
   * the reward replaced (version + 1); {id} → the reward; {status?, available?, cursor?, limit?} →
   * a page ordered by code. ALREADY_EXISTS for a code taken in the club.
   */
  CreateReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CreateReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CreateReward(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  CreateReward(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * The rewards catalogue (rewards.ts): {reward, operator} → the reward; {id, reward, operator} →
   * the reward replaced (version + 1); {id} → the reward; {status?, available?, cursor?, limit?} →
   * a page ordered by code. ALREADY_EXISTS for a code taken in the club.
   */
  createReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  createReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  createReward(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  createReward(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * Gamification (gamification.ts): {badge|challenge|streak, operator} → the definition
   * (ALREADY_EXISTS for a code taken in the club); Save* {badge|challenge|streak} → the definition
   * changed (NOT_FOUND; FAILED_PRECONDITION when a fixed field changes); List* {} → {items};
   * {memberId} → memberProgressSchema (badges earned, challenges active now, streaks).
   */
  DefineBadge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineBadge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineBadge(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineBadge(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Gamification (gamification.ts): {badge|challenge|streak, operator} → the definition
   * (ALREADY_EXISTS for a code taken in the club); Save* {badge|challenge|streak} → the definition
   * changed (NOT_FOUND; FAILED_PRECONDITION when a fixed field changes); List* {} → {items};
   * {memberId} → memberProgressSchema (badges earned, challenges active now, streaks).
   */
  defineBadge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineBadge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineBadge(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineBadge(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  DefineChallenge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineChallenge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineChallenge(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineChallenge(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineChallenge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineChallenge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineChallenge(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineChallenge(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  DefineStreak(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineStreak(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineStreak(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  DefineStreak(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineStreak(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineStreak(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineStreak(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  defineStreak(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
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
  
  FulfilRewardRedemption(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  FulfilRewardRedemption(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  FulfilRewardRedemption(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  FulfilRewardRedemption(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  fulfilRewardRedemption(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  fulfilRewardRedemption(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  fulfilRewardRedemption(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  fulfilRewardRedemption(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetCampaign(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetCampaign(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaign(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaign(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetCampaignReplay(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetCampaignReplay(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetCampaignReplay(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetCampaignReplay(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaignReplay(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaignReplay(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaignReplay(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaignReplay(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetCampaignSettings(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetCampaignSettings(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetCampaignSettings(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetCampaignSettings(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaignSettings(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaignSettings(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaignSettings(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getCampaignSettings(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetMemberProgress(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberProgress(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberProgress(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetMemberProgress(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberProgress(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberProgress(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberProgress(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getMemberProgress(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  GetReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetReward(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  GetReward(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getReward(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  getReward(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  ListBadges(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListBadges(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListBadges(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListBadges(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listBadges(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listBadges(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listBadges(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listBadges(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  ListCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  ListCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  ListCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  ListCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listCampaigns(argument: _club_campaigns_v1_ListCampaignsRequest, callback: grpc.requestCallback<_club_campaigns_v1_ListCampaignsResponse__Output>): grpc.ClientUnaryCall;
  
  ListChallenges(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListChallenges(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListChallenges(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListChallenges(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listChallenges(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listChallenges(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listChallenges(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listChallenges(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  ListCouponCodes(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListCouponCodes(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListCouponCodes(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListCouponCodes(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listCouponCodes(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listCouponCodes(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listCouponCodes(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listCouponCodes(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  ListRewardRedemptions(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListRewardRedemptions(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListRewardRedemptions(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListRewardRedemptions(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listRewardRedemptions(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listRewardRedemptions(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listRewardRedemptions(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listRewardRedemptions(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  ListRewards(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListRewards(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListRewards(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListRewards(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listRewards(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listRewards(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listRewards(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listRewards(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  ListStreaks(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListStreaks(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListStreaks(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ListStreaks(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listStreaks(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listStreaks(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listStreaks(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  listStreaks(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  MarkRewardRedemptionHeld(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  MarkRewardRedemptionHeld(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  MarkRewardRedemptionHeld(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  MarkRewardRedemptionHeld(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  markRewardRedemptionHeld(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  markRewardRedemptionHeld(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  markRewardRedemptionHeld(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  markRewardRedemptionHeld(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * A member's custom event ({memberId, event: {eventId, name, properties}}): evaluates the club's
   * live custom-event rules once per eventId and credits their points. Answers MemberEventResult.
   */
  RecordMemberEvent(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RecordMemberEvent(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RecordMemberEvent(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RecordMemberEvent(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * A member's custom event ({memberId, event: {eventId, name, properties}}): evaluates the club's
   * live custom-event rules once per eventId and credits their points. Answers MemberEventResult.
   */
  recordMemberEvent(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  recordMemberEvent(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  recordMemberEvent(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  recordMemberEvent(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  RedeemCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RedeemCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RedeemCoupons(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RedeemCoupons(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  redeemCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  redeemCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  redeemCoupons(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  redeemCoupons(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  ReleaseRewardRedemption(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ReleaseRewardRedemption(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ReleaseRewardRedemption(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ReleaseRewardRedemption(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  releaseRewardRedemption(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  releaseRewardRedemption(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  releaseRewardRedemption(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  releaseRewardRedemption(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * A member's reward redemption, step by step (the gateway drives it; each step idempotent and
   * answering rewardRedemptionStepSchema): {redemptionId, rewardId, memberId} reserves one unit
   * (FAILED_PRECONDITION out of stock, member limit, archived or outside its window; the same id
   * again answers the redemption as it is; another reward or member under it ALREADY_EXISTS);
   * {redemptionId, holdExpiresAt} marks the points held (a redemption the sweep released stays
   * released); {redemptionId} marks it fulfilled (after the capture; emits
   * campaigns.reward.redeemed.v1); {redemptionId, reason, failure?} releases the unit;
   * {memberId, cursor?, limit?} → the member's redemptions, newest first.
   */
  ReserveReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ReserveReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ReserveReward(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  ReserveReward(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * A member's reward redemption, step by step (the gateway drives it; each step idempotent and
   * answering rewardRedemptionStepSchema): {redemptionId, rewardId, memberId} reserves one unit
   * (FAILED_PRECONDITION out of stock, member limit, archived or outside its window; the same id
   * again answers the redemption as it is; another reward or member under it ALREADY_EXISTS);
   * {redemptionId, holdExpiresAt} marks the points held (a redemption the sweep released stays
   * released); {redemptionId} marks it fulfilled (after the capture; emits
   * campaigns.reward.redeemed.v1); {redemptionId, reason, failure?} releases the unit;
   * {memberId, cursor?, limit?} → the member's redemptions, newest first.
   */
  reserveReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  reserveReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  reserveReward(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  reserveReward(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  RestoreCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RestoreCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RestoreCoupons(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  RestoreCoupons(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  restoreCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  restoreCoupons(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  restoreCoupons(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  restoreCoupons(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  SaveBadge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveBadge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveBadge(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveBadge(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveBadge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveBadge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveBadge(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveBadge(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  SaveCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveCampaign(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveCampaign(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveCampaign(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveCampaign(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveCampaign(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  SaveChallenge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveChallenge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveChallenge(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveChallenge(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveChallenge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveChallenge(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveChallenge(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveChallenge(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  SaveReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveReward(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveReward(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveReward(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveReward(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveReward(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  SaveStreak(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveStreak(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveStreak(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SaveStreak(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveStreak(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveStreak(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveStreak(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  saveStreak(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * Tenant campaign settings (campaign-settings.ts): {settings, operator} → the view; {} → the view.
   */
  SetCampaignSettings(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetCampaignSettings(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetCampaignSettings(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  SetCampaignSettings(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Tenant campaign settings (campaign-settings.ts): {settings, operator} → the view; {} → the view.
   */
  setCampaignSettings(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setCampaignSettings(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setCampaignSettings(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  setCampaignSettings(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
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
  
  /**
   * Replays of a draft or saved campaign over the last N days of checkouts (campaign-replays.ts):
   * {request, operator} → the replay (a leased background job; poll it); {id} → the replay.
   */
  StartCampaignReplay(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  StartCampaignReplay(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  StartCampaignReplay(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  StartCampaignReplay(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Replays of a draft or saved campaign over the last N days of checkouts (campaign-replays.ts):
   * {request, operator} → the replay (a leased background job; poll it); {id} → the replay.
   */
  startCampaignReplay(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startCampaignReplay(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startCampaignReplay(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  startCampaignReplay(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
  /**
   * Gives a checkout's campaign effects back when the ledger refused it: counter increments off the
   * budgets, coupons restored; once (a second call changes nothing). {transactionId}
   */
  VoidCheckout(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  VoidCheckout(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  VoidCheckout(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  VoidCheckout(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  /**
   * Gives a checkout's campaign effects back when the ledger refused it: counter increments off the
   * budgets, coupons restored; once (a second call changes nothing). {transactionId}
   */
  voidCheckout(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  voidCheckout(argument: _club_campaigns_v1_JsonDocument, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  voidCheckout(argument: _club_campaigns_v1_JsonDocument, options: grpc.CallOptions, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  voidCheckout(argument: _club_campaigns_v1_JsonDocument, callback: grpc.requestCallback<_club_campaigns_v1_JsonDocument__Output>): grpc.ClientUnaryCall;
  
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
   * The rewards catalogue (rewards.ts): {reward, operator} → the reward; {id, reward, operator} →
   * the reward replaced (version + 1); {id} → the reward; {status?, available?, cursor?, limit?} →
   * a page ordered by code. ALREADY_EXISTS for a code taken in the club.
   */
  CreateReward: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  /**
   * Gamification (gamification.ts): {badge|challenge|streak, operator} → the definition
   * (ALREADY_EXISTS for a code taken in the club); Save* {badge|challenge|streak} → the definition
   * changed (NOT_FOUND; FAILED_PRECONDITION when a fixed field changes); List* {} → {items};
   * {memberId} → memberProgressSchema (badges earned, challenges active now, streaks).
   */
  DefineBadge: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  DefineChallenge: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  DefineStreak: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  /**
   * What a checkout earns from the live campaigns (checkoutEvaluationRequestSchema →
   * checkoutEvaluationSchema): idempotent per transaction id; budgets never overshoot.
   */
  EvaluateCheckout: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  FulfilRewardRedemption: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  GetCampaign: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  GetCampaignReplay: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  GetCampaignSettings: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  GetMemberProgress: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  GetReward: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  ListBadges: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  ListCampaigns: grpc.handleUnaryCall<_club_campaigns_v1_ListCampaignsRequest__Output, _club_campaigns_v1_ListCampaignsResponse>;
  
  ListChallenges: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  ListCouponCodes: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  ListRewardRedemptions: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  ListRewards: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  ListStreaks: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  MarkRewardRedemptionHeld: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  /**
   * A member's custom event ({memberId, event: {eventId, name, properties}}): evaluates the club's
   * live custom-event rules once per eventId and credits their points. Answers MemberEventResult.
   */
  RecordMemberEvent: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  RedeemCoupons: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  ReleaseRewardRedemption: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  /**
   * A member's reward redemption, step by step (the gateway drives it; each step idempotent and
   * answering rewardRedemptionStepSchema): {redemptionId, rewardId, memberId} reserves one unit
   * (FAILED_PRECONDITION out of stock, member limit, archived or outside its window; the same id
   * again answers the redemption as it is; another reward or member under it ALREADY_EXISTS);
   * {redemptionId, holdExpiresAt} marks the points held (a redemption the sweep released stays
   * released); {redemptionId} marks it fulfilled (after the capture; emits
   * campaigns.reward.redeemed.v1); {redemptionId, reason, failure?} releases the unit;
   * {memberId, cursor?, limit?} → the member's redemptions, newest first.
   */
  ReserveReward: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  RestoreCoupons: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  SaveBadge: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  SaveCampaign: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  SaveChallenge: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  SaveReward: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  SaveStreak: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  /**
   * Tenant campaign settings (campaign-settings.ts): {settings, operator} → the view; {} → the view.
   */
  SetCampaignSettings: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  /**
   * A dry run (simulationRequestSchema): the live campaigns plus an optional draft; records nothing.
   */
  SimulateCheckout: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  /**
   * Replays of a draft or saved campaign over the last N days of checkouts (campaign-replays.ts):
   * {request, operator} → the replay (a leased background job; poll it); {id} → the replay.
   */
  StartCampaignReplay: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
  /**
   * Gives a checkout's campaign effects back when the ledger refused it: counter increments off the
   * budgets, coupons restored; once (a second call changes nothing). {transactionId}
   */
  VoidCheckout: grpc.handleUnaryCall<_club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument>;
  
}

export interface CampaignsServiceDefinition extends grpc.ServiceDefinition {
  CampaignAction: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  CheckCoupon: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  CreateCampaign: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  CreateCouponBatch: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  CreateReward: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  DefineBadge: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  DefineChallenge: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  DefineStreak: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  EvaluateCheckout: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  FulfilRewardRedemption: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  GetCampaign: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  GetCampaignReplay: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  GetCampaignSettings: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  GetMemberProgress: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  GetReward: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  ListBadges: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  ListCampaigns: MethodDefinition<_club_campaigns_v1_ListCampaignsRequest, _club_campaigns_v1_ListCampaignsResponse, _club_campaigns_v1_ListCampaignsRequest__Output, _club_campaigns_v1_ListCampaignsResponse__Output>
  ListChallenges: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  ListCouponCodes: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  ListRewardRedemptions: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  ListRewards: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  ListStreaks: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  MarkRewardRedemptionHeld: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  RecordMemberEvent: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  RedeemCoupons: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  ReleaseRewardRedemption: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  ReserveReward: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  RestoreCoupons: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  SaveBadge: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  SaveCampaign: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  SaveChallenge: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  SaveReward: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  SaveStreak: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  SetCampaignSettings: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  SimulateCheckout: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  StartCampaignReplay: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
  VoidCheckout: MethodDefinition<_club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument, _club_campaigns_v1_JsonDocument__Output, _club_campaigns_v1_JsonDocument__Output>
}
