import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { credentials, loadPackageDefinition, Metadata, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { join } from 'node:path';
import {
  GRPC_SERVICES,
  PROTO_LOADER_OPTIONS,
  PROTO_ROOT,
  type AdjustRequest,
  type AdjustResponse,
  type Balance,
  type EntryPage,
  type RedeemRequest,
  type RedemptionResponse,
  type ReturnRequest,
  type ReturnResponse,
  type EarnForCheckoutRequest,
  type EarnForCheckoutResponse,
  type EarnRateMessage,
  type AttributeMessage,
  type CardMessage,
  type EnrolRequest,
  type IdentifyRequest,
  type InboxMessage,
  type Member,
  type TillMember,
  type ServiceName,
  type TenantContext,
} from '@club/contracts';
import { CONFIG, tenantToMetadata } from '@club/platform-nest';
import type { GatewayConfig } from '../config';

type Unary = (req: unknown, md: Metadata, opts: { deadline: number }, cb: (err: ServiceError | null, res: unknown) => void) => void;

/** The campaigns service's rewards RPCs (JSON documents, rewards.ts in libs/contracts). */
export type RewardsRpc =
  | 'CreateReward'
  | 'SaveReward'
  | 'GetReward'
  | 'ListRewards'
  | 'ReserveReward'
  | 'MarkRewardRedemptionHeld'
  | 'FulfilRewardRedemption'
  | 'ReleaseRewardRedemption'
  | 'ListRewardRedemptions';

/**
 * gRPC clients for the services behind the gateway: the only way the gateway reaches them.
 * Each call carries the tenant in metadata and a deadline; trace context is propagated by the
 * OpenTelemetry gRPC instrumentation.
 */
@Injectable()
export class ServiceClients implements OnApplicationShutdown {
  private readonly clients = new Map<ServiceName, Client>();

  constructor(@Inject(CONFIG) private readonly config: GatewayConfig) {
    const addr: Record<Exclude<ServiceName, 'gateway'>, string> = {
      members: config.MEMBERS_GRPC_ADDR,
      points: config.POINTS_GRPC_ADDR,
      campaigns: config.CAMPAIGNS_GRPC_ADDR,
      feedback: config.FEEDBACK_GRPC_ADDR,
      notifications: config.NOTIFICATIONS_GRPC_ADDR,
    };
    for (const [name, address] of Object.entries(addr) as [Exclude<ServiceName, 'gateway'>, string][]) {
      const svc = GRPC_SERVICES[name];
      const def = loadSync(join(PROTO_ROOT, svc.protoPath), { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
      let node: unknown = loadPackageDefinition(def);
      for (const part of svc.package.split('.')) node = (node as Record<string, unknown>)[part];
      const Ctor = (node as Record<string, new (a: string, c: ReturnType<typeof credentials.createInsecure>, o: object) => Client>)[svc.service];
      this.clients.set(name, new Ctor(address, credentials.createInsecure(), { 'grpc.keepalive_time_ms': 30_000 }));
    }
  }

  /** After the HTTP server drained (Nest closes servers before this hook), never before. */
  onApplicationShutdown(): void {
    for (const c of this.clients.values()) c.close();
  }

  enrol(tenant: TenantContext, req: EnrolRequest): Promise<Member> {
    return this.call('members', 'Enrol', tenant, req);
  }
  getMember(tenant: TenantContext, memberId: string): Promise<Member> {
    return this.call('members', 'GetMember', tenant, { memberId });
  }
  identify(tenant: TenantContext, req: IdentifyRequest): Promise<Member> {
    return this.call('members', 'Identify', tenant, req);
  }
  identifyAtTill(tenant: TenantContext, req: IdentifyRequest): Promise<TillMember> {
    return this.call('members', 'IdentifyAtTill', tenant, req);
  }
  earnForCheckout(tenant: TenantContext, req: Omit<EarnForCheckoutRequest, 'items'> & { items: EarnForCheckoutRequest['items'] }): Promise<EarnForCheckoutResponse> {
    return this.call('points', 'EarnForCheckout', tenant, req);
  }
  updateMember(tenant: TenantContext, memberId: string, mergePatch: string): Promise<Member> {
    return this.call('members', 'UpdateMember', tenant, { memberId, mergePatch });
  }
  recordConsent(tenant: TenantContext, memberId: string, c: { channel: string; granted: boolean; source: string }): Promise<Member> {
    return this.call('members', 'RecordConsent', tenant, { memberId, ...c });
  }
  defineAttribute(tenant: TenantContext, d: { key: string; type: string; label: string; options: string[] }): Promise<AttributeMessage> {
    return this.call('members', 'DefineAttribute', tenant, d);
  }
  listAttributes(tenant: TenantContext): Promise<{ attributes: AttributeMessage[] }> {
    return this.call('members', 'ListAttributes', tenant, {});
  }
  listCards(tenant: TenantContext, memberId: string): Promise<{ cards: CardMessage[] }> {
    return this.call('members', 'ListCards', tenant, { memberId });
  }
  issueCard(tenant: TenantContext, memberId: string): Promise<CardMessage> {
    return this.call('members', 'IssueCard', tenant, { memberId });
  }
  cardAction(tenant: TenantContext, action: 'ReplaceCard' | 'BlockCard' | 'UnblockCard', cardNumber: string, reason: string): Promise<CardMessage> {
    return this.call('members', action, tenant, { cardNumber, reason });
  }
  /** Members RPCs whose payload is a JSON document validated by a libs/contracts schema. */
  membersJson(tenant: TenantContext, method: 'DefineTierLadder' | 'ListTierLadders' | 'GetMemberTier' | 'StartTierReview' | 'GetTierReview' | 'CreateImport' | 'StartImport' | 'GetImport' | 'GetMemberScores' | 'SetManualFactor' | 'SetScoringWeights' | 'RecomputeScores' | 'DefineSegment' | 'ListSegments' | 'ListSegmentMembers' | 'GetMemberSegments' | 'RecomputeSegments' | 'SetJourneyThresholds' | 'RunJourneyPass' | 'GetMemberPass', req: object): Promise<{ json: string }> {
    return this.call('members', method, tenant, req);
  }
  exportMember(tenant: TenantContext, memberId: string): Promise<{ json: string }> {
    return this.call('members', 'ExportMember', tenant, { memberId });
  }
  eraseMember(tenant: TenantContext, memberId: string): Promise<{ json: string }> {
    return this.call('members', 'EraseMember', tenant, { memberId });
  }
  appendImportChunk(tenant: TenantContext, importId: string, seq: number, content: string): Promise<{ json: string }> {
    return this.call('members', 'AppendImportChunk', tenant, { importId, seq, content });
  }
  getBalance(tenant: TenantContext, memberId: string): Promise<Balance> {
    return this.call('points', 'GetBalance', tenant, { memberId });
  }
  setEarnRate(tenant: TenantContext, rate: { points: number; perAmount: number }): Promise<EarnRateMessage> {
    return this.call('points', 'SetEarnRate', tenant, rate);
  }
  getEarnRate(tenant: TenantContext): Promise<EarnRateMessage> {
    return this.call('points', 'GetEarnRate', tenant, {});
  }
  redeem(tenant: TenantContext, req: RedeemRequest): Promise<RedemptionResponse> {
    return this.call('points', 'Redeem', tenant, req);
  }
  redemptionAction(tenant: TenantContext, action: 'CaptureRedemption' | 'ReleaseRedemption', redemptionId: string): Promise<RedemptionResponse> {
    return this.call('points', action, tenant, { redemptionId });
  }
  recordReturn(tenant: TenantContext, req: ReturnRequest): Promise<ReturnResponse> {
    return this.call('points', 'RecordReturn', tenant, req);
  }
  adjust(tenant: TenantContext, req: AdjustRequest): Promise<AdjustResponse> {
    return this.call('points', 'Adjust', tenant, req);
  }
  acceptPending(tenant: TenantContext, transactionId: string): Promise<Balance> {
    return this.call('points', 'AcceptPending', tenant, { transactionId });
  }
  listEntries(tenant: TenantContext, req: { memberId: string; cursor: string; limit: number }): Promise<EntryPage> {
    return this.call('points', 'ListEntries', tenant, req);
  }
  /** Campaigns RPCs whose payload is a JSON document validated by a libs/contracts schema. */
  campaignsJson(
    tenant: TenantContext,
    method: 'CreateCampaign' | 'SaveCampaign' | 'CampaignAction' | 'GetCampaign' | 'CreateCouponBatch' | 'ListCouponCodes' | 'CheckCoupon' | 'RedeemCoupons' | 'RestoreCoupons' | 'SimulateCheckout' | 'EvaluateCheckout' | 'VoidCheckout'
      | 'SetCampaignSettings' | 'GetCampaignSettings' | 'StartCampaignReplay' | 'GetCampaignReplay' | 'RecordMemberEvent',
    req: { json: string },
  ): Promise<{ json: string }> {
    return this.call('campaigns', method, tenant, req);
  }
  /** Gamification RPCs of the campaigns service (JSON documents validated by libs/contracts gamification.ts). */
  gamificationJson(
    tenant: TenantContext,
    method: 'DefineBadge' | 'SaveBadge' | 'ListBadges' | 'DefineChallenge' | 'SaveChallenge' | 'ListChallenges' | 'DefineStreak' | 'SaveStreak' | 'ListStreaks' | 'GetMemberProgress',
    req: { json: string },
  ): Promise<{ json: string }> {
    return this.call('campaigns', method, tenant, req);
  }
  rewardsJson(tenant: TenantContext, method: RewardsRpc, req: { json: string }): Promise<{ json: string }> {
    return this.call('campaigns', method, tenant, req);
  }
  listCampaigns(tenant: TenantContext, status: string): Promise<{ campaigns: { id: string; name: string; status: string; createdAt: string }[] }> {
    return this.call('campaigns', 'ListCampaigns', tenant, { status });
  }
  /** Points RPCs whose payload is a JSON document validated by a libs/contracts schema. */
  pointsJson(tenant: TenantContext, method: 'SetLedgerPolicy' | 'GetLedgerPolicy' | 'StartLedgerJob' | 'GetLedgerJob' | 'GetLiability', req: { json: string }): Promise<{ json: string }> {
    return this.call('points', method, tenant, req);
  }
  listInbox(tenant: TenantContext, memberId: string, limit: number): Promise<{ messages: InboxMessage[] }> {
    return this.call('notifications', 'ListInbox', tenant, { memberId, limit });
  }

  private call<T>(service: ServiceName, method: string, tenant: TenantContext, req: unknown): Promise<T> {
    const client = this.clients.get(service) as unknown as Record<string, Unary>;
    const md = tenantToMetadata(tenant, new Metadata());
    const deadline = Date.now() + this.config.GRPC_DEADLINE_MS;
    return new Promise<T>((resolve, reject) => {
      client[method].call(client, req, md, { deadline }, (err, res) => (err ? reject(err) : resolve(res as T)));
    });
  }
}
