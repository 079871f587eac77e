import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import { campaignActionSchema, campaignInputSchema, checkoutEvaluationRequestSchema, couponBatchInputSchema, simulationRequestSchema, type TenantContext } from '@club/contracts';
import { invalidArgument, Tenant, validateRpc } from '@club/platform-nest';
import { CampaignsService } from '../services/campaigns.service';
import { CouponsService } from '../services/coupons.service';
import { ReversalService } from '../services/reversal.service';
import { EvaluationService } from '../services/evaluation.service';
import { campaignReplayRequestSchema, campaignSettingsInputSchema } from '@club/contracts';
import { CampaignSettingsService } from '../services/campaign-settings.service';
import { ReplayService } from '../services/replay.service';
import { badgeInputSchema, challengeInputSchema, streakInputSchema } from '@club/contracts';
import { GamificationService } from '../services/gamification.service';
import {
  createRewardRequestSchema,
  fulfilRewardRequestSchema,
  getRewardRequestSchema,
  listRewardRedemptionsRequestSchema,
  listRewardsRequestSchema,
  markRewardHeldRequestSchema,
  releaseRewardRequestSchema,
  reserveRewardRequestSchema,
  saveRewardRequestSchema,
} from '@club/contracts';
import { RewardsService } from '../services/rewards.service';
import { recordMemberEventRequestSchema } from '@club/contracts';
import { MemberEventsService } from '../services/member-events.service';

const listSchema = z.object({
  status: z
    .enum(['', 'draft', 'scheduled', 'active', 'paused', 'ended'])
    .transform((v) => (v === '' ? null : v)),
});
const operator = z.string().trim().min(1).max(200);
const createSchema = z.object({ definition: campaignInputSchema, operator });
const saveSchema = z.object({ id: z.uuid(), definition: campaignInputSchema, operator });
const actionSchema = z.object({ id: z.uuid(), action: campaignActionSchema, operator });
const idSchema = z.object({ id: z.uuid() });
const batchSchema = z.object({ batch: couponBatchInputSchema, operator });
const codesPageSchema = z.object({ batchId: z.uuid(), cursor: z.string().max(40).nullable().default(null), limit: z.number().int().min(1).max(1000).default(100) });
const checkSchema = z.object({ code: z.string().min(1).max(60), memberId: z.uuid().nullable().default(null) });
const redeemSchema = z.object({ transactionId: z.string().min(1).max(100), memberId: z.uuid(), codes: z.array(z.string().min(1).max(60)).min(1).max(20) });
const restoreSchema = z.object({ transactionId: z.string().min(1).max(100) });
const setSettingsSchema = z.object({ settings: campaignSettingsInputSchema, operator });
const startReplaySchema = z.object({ request: campaignReplayRequestSchema, operator });
const defineBadgeSchema = z.object({ badge: badgeInputSchema, operator });
const defineChallengeSchema = z.object({ challenge: challengeInputSchema, operator });
const defineStreakSchema = z.object({ streak: streakInputSchema, operator });
const progressSchema = z.object({ memberId: z.uuid() });

function doc<S extends z.ZodType>(schema: S, json: string): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(json || '{}');
  } catch {
    throw invalidArgument('the document is not valid JSON');
  }
  return validateRpc(schema, value) as z.infer<S>;
}

@Controller()
export class CampaignsGrpcController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly coupons: CouponsService,
    private readonly evaluation: EvaluationService,
    private readonly settings: CampaignSettingsService,
    private readonly replays: ReplayService,
    private readonly gamification: GamificationService,
    private readonly reversals: ReversalService,
    private readonly rewards: RewardsService,
    private readonly memberEvents: MemberEventsService,
  ) {}

  @GrpcMethod('CampaignsService', 'SimulateCheckout')
  async simulateCheckout(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { checkout, draft } = doc(simulationRequestSchema, req.json);
    const result = await this.evaluation.simulate(tenant, { ...checkout, transactionId: 'simulation', requestHash: 'simulation-0000000' }, draft ?? null);
    return { json: JSON.stringify(result) };
  }

  @GrpcMethod('CampaignsService', 'SetCampaignSettings')
  async setCampaignSettings(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { settings, operator: who } = doc(setSettingsSchema, req.json);
    return { json: JSON.stringify(await this.settings.set(tenant, settings, who)) };
  }

  @GrpcMethod('CampaignsService', 'GetCampaignSettings')
  async getCampaignSettings(@Payload() _req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.settings.get(tenant)) };
  }

  @GrpcMethod('CampaignsService', 'StartCampaignReplay')
  async startCampaignReplay(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { request, operator: who } = doc(startReplaySchema, req.json);
    return { json: JSON.stringify(await this.replays.request(tenant, request, who)) };
  }

  @GrpcMethod('CampaignsService', 'GetCampaignReplay')
  async getCampaignReplay(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.replays.get(tenant, doc(idSchema, req.json).id)) };
  }

  @GrpcMethod('CampaignsService', 'EvaluateCheckout')
  async evaluateCheckout(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.evaluation.evaluateCheckout(tenant, doc(checkoutEvaluationRequestSchema, req.json))) };
  }

  @GrpcMethod('CampaignsService', 'ListCampaigns')
  async listCampaigns(@Payload() req: { status: string }, @Tenant() tenant: TenantContext) {
    const status = validateRpc(listSchema, req).status;
    const rows = (await this.campaigns.list(tenant)).filter((c) => status === null || c.status === status);
    return { campaigns: rows.map((c) => ({ id: c.id, name: c.definition.name, status: c.status, createdAt: c.createdAt })) };
  }

  @GrpcMethod('CampaignsService', 'CreateCampaign')
  async createCampaign(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { definition, operator: who } = doc(createSchema, req.json);
    await this.gamification.rememberClub(tenant); // event-triggered rules need the club's zone and calendar
    return { json: JSON.stringify(await this.campaigns.create(tenant, definition, who)) };
  }

  @GrpcMethod('CampaignsService', 'SaveCampaign')
  async saveCampaign(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { id, definition, operator: who } = doc(saveSchema, req.json);
    return { json: JSON.stringify(await this.campaigns.save(tenant, id, definition, who)) };
  }

  @GrpcMethod('CampaignsService', 'CampaignAction')
  async campaignAction(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { id, action, operator: who } = doc(actionSchema, req.json);
    await this.gamification.rememberClub(tenant);
    return { json: JSON.stringify(await this.campaigns.act(tenant, id, action, who)) };
  }

  @GrpcMethod('CampaignsService', 'GetCampaign')
  async getCampaign(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.campaigns.get(tenant, doc(idSchema, req.json).id)) };
  }

  @GrpcMethod('CampaignsService', 'CreateCouponBatch')
  async createCouponBatch(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { batch, operator: who } = doc(batchSchema, req.json);
    return { json: JSON.stringify(await this.coupons.createBatch(tenant, batch, who)) };
  }

  @GrpcMethod('CampaignsService', 'ListCouponCodes')
  async listCouponCodes(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const q = doc(codesPageSchema, req.json);
    return { json: JSON.stringify(await this.coupons.listCodes(tenant, q.batchId, q.cursor, q.limit)) };
  }

  @GrpcMethod('CampaignsService', 'CheckCoupon')
  async checkCoupon(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const q = doc(checkSchema, req.json);
    return { json: JSON.stringify(await this.coupons.check(tenant, q.code, q.memberId)) };
  }

  @GrpcMethod('CampaignsService', 'RedeemCoupons')
  async redeemCoupons(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.coupons.redeem(tenant, doc(redeemSchema, req.json))) };
  }

  @GrpcMethod('CampaignsService', 'RecordMemberEvent')
  async recordMemberEvent(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { memberId, event } = doc(recordMemberEventRequestSchema, req.json);
    return { json: JSON.stringify(await this.memberEvents.recordCustomEvent(tenant, memberId, event)) };
  }

  @GrpcMethod('CampaignsService', 'VoidCheckout')
  async voidCheckout(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.reversals.voidCheckout(tenant, doc(restoreSchema, req.json).transactionId)) };
  }

  @GrpcMethod('CampaignsService', 'RestoreCoupons')
  async restoreCoupons(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.coupons.restore(tenant, doc(restoreSchema, req.json).transactionId)) };
  }

  @GrpcMethod('CampaignsService', 'DefineBadge')
  async defineBadge(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { badge, operator: who } = doc(defineBadgeSchema, req.json);
    return { json: JSON.stringify(await this.gamification.defineBadge(tenant, badge, who)) };
  }

  @GrpcMethod('CampaignsService', 'SaveBadge')
  async saveBadge(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { badge, operator: who } = doc(defineBadgeSchema, req.json);
    return { json: JSON.stringify(await this.gamification.saveBadge(tenant, badge, who)) };
  }

  @GrpcMethod('CampaignsService', 'ListBadges')
  async listBadges(@Payload() _req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.gamification.listBadges(tenant)) };
  }

  @GrpcMethod('CampaignsService', 'DefineChallenge')
  async defineChallenge(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { challenge, operator: who } = doc(defineChallengeSchema, req.json);
    return { json: JSON.stringify(await this.gamification.defineChallenge(tenant, challenge, who)) };
  }

  @GrpcMethod('CampaignsService', 'SaveChallenge')
  async saveChallenge(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { challenge, operator: who } = doc(defineChallengeSchema, req.json);
    return { json: JSON.stringify(await this.gamification.saveChallenge(tenant, challenge, who)) };
  }

  @GrpcMethod('CampaignsService', 'ListChallenges')
  async listChallenges(@Payload() _req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.gamification.listChallenges(tenant)) };
  }

  @GrpcMethod('CampaignsService', 'DefineStreak')
  async defineStreak(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { streak, operator: who } = doc(defineStreakSchema, req.json);
    return { json: JSON.stringify(await this.gamification.defineStreak(tenant, streak, who)) };
  }

  @GrpcMethod('CampaignsService', 'SaveStreak')
  async saveStreak(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { streak, operator: who } = doc(defineStreakSchema, req.json);
    return { json: JSON.stringify(await this.gamification.saveStreak(tenant, streak, who)) };
  }

  @GrpcMethod('CampaignsService', 'ListStreaks')
  async listStreaks(@Payload() _req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.gamification.listStreaks(tenant)) };
  }

  @GrpcMethod('CampaignsService', 'GetMemberProgress')
  async getMemberProgress(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.gamification.getProgress(tenant, doc(progressSchema, req.json).memberId)) };
  }

  @GrpcMethod('CampaignsService', 'CreateReward')
  async createReward(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { reward, operator: who } = doc(createRewardRequestSchema, req.json);
    return { json: JSON.stringify(await this.rewards.createReward(tenant, reward, who)) };
  }

  @GrpcMethod('CampaignsService', 'SaveReward')
  async saveReward(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { id, reward, operator: who } = doc(saveRewardRequestSchema, req.json);
    return { json: JSON.stringify(await this.rewards.saveReward(tenant, id, reward, who)) };
  }

  @GrpcMethod('CampaignsService', 'GetReward')
  async getReward(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.rewards.getReward(tenant, doc(getRewardRequestSchema, req.json).id)) };
  }

  @GrpcMethod('CampaignsService', 'ListRewards')
  async listRewards(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.rewards.listRewards(tenant, doc(listRewardsRequestSchema, req.json))) };
  }

  @GrpcMethod('CampaignsService', 'ReserveReward')
  async reserveReward(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.rewards.reserve(tenant, doc(reserveRewardRequestSchema, req.json))) };
  }

  @GrpcMethod('CampaignsService', 'MarkRewardRedemptionHeld')
  async markRewardRedemptionHeld(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const q = doc(markRewardHeldRequestSchema, req.json);
    return { json: JSON.stringify(await this.rewards.markHeld(tenant, q.redemptionId, q.holdExpiresAt === null ? null : new Date(q.holdExpiresAt))) };
  }

  @GrpcMethod('CampaignsService', 'FulfilRewardRedemption')
  async fulfilRewardRedemption(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.rewards.fulfil(tenant, doc(fulfilRewardRequestSchema, req.json).redemptionId)) };
  }

  @GrpcMethod('CampaignsService', 'ReleaseRewardRedemption')
  async releaseRewardRedemption(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const q = doc(releaseRewardRequestSchema, req.json);
    return { json: JSON.stringify(await this.rewards.release(tenant, q.redemptionId, q.reason, q.failure)) };
  }

  @GrpcMethod('CampaignsService', 'ListRewardRedemptions')
  async listRewardRedemptions(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.rewards.listRedemptions(tenant, doc(listRewardRedemptionsRequestSchema, req.json))) };
  }
}
