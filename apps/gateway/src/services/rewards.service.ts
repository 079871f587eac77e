import type { z } from 'zod';
import { Injectable } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import {
  rewardPageSchema,
  rewardRedemptionPageSchema,
  rewardRedemptionStepSchema,
  rewardViewSchema,
  type Balance,
  type RedemptionResponse,
  type RewardFailure,
  type RewardInput,
  type RewardRedemptionStep,
  type RewardRedemptionView,
  type RewardView,
  type RpcProblem,
  type TenantContext,
} from '@club/contracts';
import { isGrpcError, notFoundProblem, problem, type ProblemException } from '../http/problem';
import type { pointsSchema, rewardRedemptionResultSchema } from '../http/schemas';
import { ServiceClients, type RewardsRpc } from '../repositories/service-clients';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type RewardRedemptionResult = z.infer<typeof rewardRedemptionResultSchema>;
type PointsView = z.infer<typeof pointsSchema>;

const toPoints = (b: Balance | null | undefined): PointsView => ({
  available: b?.available ?? 0,
  pending: b?.pending ?? 0,
  held: b?.held ?? 0,
  lifetimeEarned: b?.lifetimeEarned ?? 0,
  spent: b?.spent ?? 0,
  expired: b?.expired ?? 0,
});

function failureOf(err: { code: number; details: string }): RewardFailure {
  let parsed: Partial<RpcProblem> = {};
  try {
    parsed = JSON.parse(err.details) as RpcProblem;
  } catch {
    parsed = { detail: err.details };
  }
  return { grpcCode: err.code, detail: parsed.detail ?? 'refused', ...(parsed.errors ? { errors: [...parsed.errors] } : {}) };
}

const isCode = (err: unknown, ...codes: status[]): err is { code: number; details: string } => isGrpcError(err) && codes.includes(err.code);

/**
 * The rewards catalogue (forwarded to campaigns) and a member's reward redemption, which this
 * class orchestrates as a saga whose every step is idempotent, so a retry with the same
 * redemptionId resumes where the first attempt stopped and never charges or takes stock twice:
 *
 *   campaigns ReserveReward (one unit; the id claimed)
 *   → points Redeem hold=true, id `reward:<redemptionId>` (refused: campaigns releases the unit → 422)
 *   → campaigns MarkRewardRedemptionHeld (refused if the sweep released it meanwhile: the hold is released → 409)
 *   → points CaptureRedemption (refused: the hold ended → campaigns releases the unit → 409)
 *   → campaigns FulfilRewardRedemption (emits campaigns.reward.redeemed.v1).
 *
 * Points are captured only after campaigns recorded the hold, so the campaigns sweep may give
 * back a unit still only reserved without asking points. Any other failure (a service down)
 * leaves the redemption where it is: the client retries with the same id.
 */
@Injectable()
export class RewardsService {
  constructor(private readonly services: ServiceClients) {}

  async createReward(tenant: TenantContext, reward: RewardInput, operator: string): Promise<RewardView> {
    return rewardViewSchema.parse(await this.call(tenant, 'CreateReward', { reward, operator }));
  }

  async saveReward(tenant: TenantContext, id: string, reward: RewardInput, operator: string): Promise<RewardView> {
    if (!UUID.test(id)) throw notFoundProblem('reward not found');
    return rewardViewSchema.parse(await this.call(tenant, 'SaveReward', { id, reward, operator }));
  }

  async getReward(tenant: TenantContext, id: string): Promise<RewardView> {
    if (!UUID.test(id)) throw notFoundProblem('reward not found');
    return rewardViewSchema.parse(await this.call(tenant, 'GetReward', { id }));
  }

  async listRewards(tenant: TenantContext, q: { status?: 'active' | 'archived'; available?: boolean; cursor?: string; limit?: number }): Promise<z.infer<typeof rewardPageSchema>> {
    return rewardPageSchema.parse(await this.call(tenant, 'ListRewards', { status: q.status ?? null, available: q.available ?? false, cursor: q.cursor ?? null, limit: q.limit ?? 50 }));
  }

  async listRedemptions(tenant: TenantContext, memberId: string, q: { cursor?: string; limit?: number }): Promise<z.infer<typeof rewardRedemptionPageSchema>> {
    await this.requireMember(tenant, memberId);
    return rewardRedemptionPageSchema.parse(await this.call(tenant, 'ListRewardRedemptions', { memberId, cursor: q.cursor ?? null, limit: q.limit ?? 50 }));
  }

  /** Redeems one unit of a reward for the member's points: 201 the first time, 200 with the same body when retried. */
  async redeem(tenant: TenantContext, memberId: string, input: { rewardId: string; redemptionId: string }): Promise<{ result: RewardRedemptionResult; replayed: boolean }> {
    await this.requireMember(tenant, memberId);
    let s = await this.step(tenant, 'ReserveReward', { redemptionId: input.redemptionId, rewardId: input.rewardId, memberId });
    const replayed = !s.created;
    let captured: RedemptionResponse | undefined;
    // reserved → held → fulfilled at most; released ends it.
    for (let steps = 0; steps < 4; steps++) {
      const r = s.redemption;
      switch (r.status) {
        case 'reserved':
          s = await this.holdPoints(tenant, r);
          break;
        case 'held': {
          const c = await this.capturePoints(tenant, r);
          if ('released' in c) s = c.released;
          else {
            captured = c.captured;
            s = await this.step(tenant, 'FulfilRewardRedemption', { redemptionId: r.redemptionId });
          }
          break;
        }
        case 'fulfilled':
          // A replay (or a redemption the sweep finished): points answers its first capture again, balance included.
          captured ??= await this.services.redemptionAction(tenant, 'CaptureRedemption', r.pointsRedemptionId);
          return { result: { ...r, balance: toPoints(captured.balance) }, replayed };
        case 'released':
          throw await this.releasedProblem(tenant, s);
      }
    }
    throw problem(500, 'internal', 'Internal Server Error');
  }

  private async holdPoints(tenant: TenantContext, r: RewardRedemptionView): Promise<RewardRedemptionStep> {
    let hold: RedemptionResponse;
    try {
      hold = await this.services.redeem(tenant, { memberId: r.memberId, redemptionId: r.pointsRedemptionId, points: r.points, reason: `reward ${r.rewardCode}`, hold: true });
    } catch (err) {
      // Not enough points (FAILED_PRECONDITION), or the points id taken by another redemption (ALREADY_EXISTS): a final refusal.
      if (isCode(err, status.FAILED_PRECONDITION, status.ALREADY_EXISTS)) {
        return this.step(tenant, 'ReleaseRewardRedemption', { redemptionId: r.redemptionId, reason: 'points-refused', failure: failureOf(err) });
      }
      throw err;
    }
    return this.step(tenant, 'MarkRewardRedemptionHeld', { redemptionId: r.redemptionId, holdExpiresAt: hold.holdExpiresAt || null });
  }

  private async capturePoints(tenant: TenantContext, r: RewardRedemptionView): Promise<{ captured: RedemptionResponse } | { released: RewardRedemptionStep }> {
    try {
      return { captured: await this.services.redemptionAction(tenant, 'CaptureRedemption', r.pointsRedemptionId) };
    } catch (err) {
      // The hold was released or expired in points (it can never be captured now): give the unit back.
      if (isCode(err, status.FAILED_PRECONDITION, status.NOT_FOUND)) {
        return { released: await this.step(tenant, 'ReleaseRewardRedemption', { redemptionId: r.redemptionId, reason: 'hold-ended', failure: null }) };
      }
      throw err;
    }
  }

  private async releasedProblem(tenant: TenantContext, s: RewardRedemptionStep): Promise<ProblemException> {
    const r = s.redemption;
    if (r.releaseReason === 'points-refused') {
      const f = s.failure;
      if (f?.grpcCode === Number(status.ALREADY_EXISTS)) {
        return problem(409, 'conflict', 'Conflict', `The points redemption id ${r.pointsRedemptionId} is already used by another points redemption; redeem with another redemptionId.`, [
          { pointer: '#/redemptionId', detail: f.detail },
        ]);
      }
      return problem(422, 'insufficient-points', 'Unprocessable Content', `The member does not have enough points for this reward (it costs ${r.points} points): ${f?.detail ?? 'refused'}.`, [
        { pointer: '#/rewardId', detail: f?.detail ?? 'not enough points' },
      ]);
    }
    if (r.releaseReason === 'timed-out') {
      // A hold placed just before the gateway stopped would expire on its own; give the points back now.
      await this.services.redemptionAction(tenant, 'ReleaseRedemption', r.pointsRedemptionId).catch(() => undefined);
    }
    return problem(
      409,
      'redemption-expired',
      'Conflict',
      'This redemption was not completed in time and has been cancelled: no points were taken and the unit is back in stock. Redeem again with a new redemptionId.',
      [{ pointer: '#/redemptionId', detail: r.releaseReason ?? 'released' }],
    );
  }

  private async requireMember(tenant: TenantContext, memberId: string): Promise<void> {
    if (!UUID.test(memberId)) throw notFoundProblem('member not found');
    await this.services.getMember(tenant, memberId);
  }

  private async step(tenant: TenantContext, method: RewardsRpc, doc: object): Promise<RewardRedemptionStep> {
    return rewardRedemptionStepSchema.parse(await this.call(tenant, method, doc));
  }

  private async call(tenant: TenantContext, method: RewardsRpc, doc: object): Promise<unknown> {
    return JSON.parse((await this.services.rewardsJson(tenant, method, { json: JSON.stringify(doc) })).json);
  }
}
