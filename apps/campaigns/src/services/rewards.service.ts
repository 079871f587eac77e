import { Injectable } from '@nestjs/common';
import type { RewardFailure, RewardInput, RewardRedemptionStep, RewardRedemptionView, RewardView, TenantContext } from '@club/contracts';
import { pointsRedemptionIdOf } from '@club/contracts';
import { OutboxRepository } from '@club/platform-kafka';
import { alreadyExists, Clock, failedPrecondition, Ids, invalidArgument, notFound, UnitOfWork } from '@club/platform-nest';
import { counterDelta, REFUSAL_TEXT, rewardRefusal, transition, windowIsValid, type RedemptionStep } from '../domain/reward';
import { RewardRepository, type RedemptionRecord, type RewardRecord } from '../repositories/reward.repository';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

const rewardView = (r: RewardRecord, now: Date): RewardView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  description: r.description,
  imageUrl: r.imageUrl,
  pointsPrice: r.pointsPrice,
  stock: r.stock,
  reserved: r.reserved,
  redeemed: r.redeemed,
  perMemberLimit: r.perMemberLimit,
  validFrom: iso(r.validFrom),
  validUntil: iso(r.validUntil),
  status: r.status,
  available: rewardRefusal(r, now, null) === null,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const redemptionView = (r: RedemptionRecord): RewardRedemptionView => ({
  redemptionId: r.id,
  rewardId: r.rewardId,
  rewardCode: r.rewardCode,
  rewardName: r.rewardName,
  memberId: r.memberId,
  points: r.points,
  status: r.status,
  releaseReason: r.releaseReason,
  pointsRedemptionId: pointsRedemptionIdOf(r.id),
  holdExpiresAt: iso(r.holdExpiresAt),
  createdAt: r.createdAt.toISOString(),
  heldAt: iso(r.heldAt),
  fulfilledAt: iso(r.fulfilledAt),
  releasedAt: iso(r.releasedAt),
});

const step = (r: RedemptionRecord, created = false): RewardRedemptionStep => ({ redemption: redemptionView(r), created, failure: r.failure });

/** The id was claimed by a concurrent duplicate between our look-up and our insert: roll back, answer theirs. */
class ClaimedMeanwhile extends Error {}

const encodeCursor = (r: RedemptionRecord): string => Buffer.from(JSON.stringify([r.createdAt.toISOString(), r.id])).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { createdAt: new Date(at), id };
  } catch {
    // answered below
  }
  throw invalidArgument('invalid cursor', [{ pointer: '#/cursor', detail: 'not a cursor this list gave' }]);
}

/**
 * The rewards catalogue and members' redemptions. A redemption is a saga the gateway drives,
 * each step idempotent (see domain/reward `transition`): `reserve` takes a unit of stock with a
 * conditional decrement (per-member limit checked under the reward's row lock) and claims the
 * caller's redemption id in the same transaction; `markHeld` records the points hold; `fulfil`
 * (after the capture) counts the unit redeemed and emits `campaigns.reward.redeemed.v1`;
 * `release` gives the unit back. The sweep (RewardSweepService) releases what was left behind.
 */
@Injectable()
export class RewardsService {
  constructor(
    private readonly rewards: RewardRepository,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
  ) {}

  async createReward(tenant: TenantContext, input: RewardInput, operator: string): Promise<RewardView> {
    this.checkWindow(input);
    const id = this.ids.uuid();
    const created = await this.uow.run((m) => this.rewards.insertReward(m, tenant.tenantId, id, input, operator, this.clock.now()));
    if (!created) throw this.codeTaken(input.code);
    return this.getReward(tenant, id);
  }

  /** Replaces the definition; `stock` is the number of units left from now on (units in flight are not in it). */
  async saveReward(tenant: TenantContext, id: string, input: RewardInput, operator: string): Promise<RewardView> {
    this.checkWindow(input);
    const outcome = await this.uow.run((m) => this.rewards.replaceReward(m, tenant.tenantId, id, input, operator, this.clock.now()));
    if (outcome === 'missing') throw notFound('reward not found');
    if (outcome === 'code-taken') throw this.codeTaken(input.code);
    return this.getReward(tenant, id);
  }

  async getReward(tenant: TenantContext, id: string): Promise<RewardView> {
    const r = await this.rewards.findReward(undefined, tenant.tenantId, id);
    if (!r) throw notFound('reward not found');
    return rewardView(r, this.clock.now());
  }

  async listRewards(tenant: TenantContext, q: { status: 'active' | 'archived' | null; available: boolean; cursor: string | null; limit: number }): Promise<{ items: RewardView[]; nextCursor: string | null }> {
    const now = this.clock.now();
    const rows = await this.rewards.listRewards(tenant.tenantId, { status: q.status, availableAt: q.available ? now : null, after: q.cursor, limit: q.limit });
    return { items: rows.map((r) => rewardView(r, now)), nextCursor: rows.length === q.limit ? rows[rows.length - 1].code : null };
  }

  /**
   * Reserves one unit for the member under the caller's redemption id. The same id again answers
   * the redemption as it now is (`created: false`), whatever state it reached; the id used for
   * another reward or member is ALREADY_EXISTS. A refusal (unknown reward NOT_FOUND; archived,
   * outside its window, out of stock or the member's limit FAILED_PRECONDITION) records nothing,
   * so the same id may be tried again later.
   */
  async reserve(tenant: TenantContext, input: { redemptionId: string; rewardId: string; memberId: string }): Promise<RewardRedemptionStep> {
    const known = await this.rewards.findRedemption(undefined, tenant.tenantId, input.redemptionId);
    if (known) return this.replay(known, input);
    const now = this.clock.now();
    try {
      return await this.uow.run(async (m) => {
        const reward = await this.rewards.takeUnit(m, tenant.tenantId, input.rewardId, now);
        if (!reward) {
          const current = await this.rewards.findReward(m, tenant.tenantId, input.rewardId);
          if (!current) throw notFound('reward not found');
          throw this.refused(rewardRefusal(current, now, null) ?? 'out-of-stock');
        }
        if (reward.perMemberLimit !== null && (await this.rewards.memberUses(m, tenant.tenantId, reward.id, input.memberId)) >= reward.perMemberLimit) {
          throw this.refused('member-limit');
        }
        const record = {
          tenantId: tenant.tenantId,
          id: input.redemptionId,
          rewardId: reward.id,
          memberId: input.memberId,
          rewardCode: reward.code,
          rewardName: reward.name,
          points: reward.pointsPrice,
          caller: { timezone: tenant.timezone, calendar: tenant.calendar, currency: tenant.currency, locale: tenant.locale },
          createdAt: now,
        };
        if (!(await this.rewards.insertRedemption(m, record))) throw new ClaimedMeanwhile();
        return step({ ...record, status: 'reserved', releaseReason: null, failure: null, holdExpiresAt: null, heldAt: null, fulfilledAt: null, releasedAt: null }, true);
      });
    } catch (err) {
      if (!(err instanceof ClaimedMeanwhile)) throw err;
      return this.replay((await this.rewards.findRedemption(undefined, tenant.tenantId, input.redemptionId))!, input);
    }
  }

  /** The points are held (the gateway got the hold): reserved → held. A redemption the sweep released stays released. */
  markHeld(tenant: TenantContext, redemptionId: string, holdExpiresAt: Date | null): Promise<RewardRedemptionStep> {
    return this.advance(tenant, redemptionId, 'hold', { holdExpiresAt });
  }

  /** The hold was captured: held → fulfilled, the unit counted redeemed and `campaigns.reward.redeemed.v1` emitted (once). */
  fulfil(tenant: TenantContext, redemptionId: string): Promise<RewardRedemptionStep> {
    return this.advance(tenant, redemptionId, 'fulfil', {});
  }

  /** Points refused the hold, or the hold ended uncaptured: the unit goes back to stock (FAILED_PRECONDITION once fulfilled). */
  release(tenant: TenantContext, redemptionId: string, reason: 'points-refused' | 'hold-ended', failure: RewardFailure | null): Promise<RewardRedemptionStep> {
    return this.advance(tenant, redemptionId, 'release', { reason, failure });
  }

  async listRedemptions(tenant: TenantContext, q: { memberId: string; cursor: string | null; limit: number }): Promise<{ items: RewardRedemptionView[]; nextCursor: string | null }> {
    const after = q.cursor === null ? null : decodeCursor(q.cursor);
    const rows = await this.rewards.listRedemptions(tenant.tenantId, q.memberId, after, q.limit);
    return { items: rows.map(redemptionView), nextCursor: rows.length === q.limit ? encodeCursor(rows[rows.length - 1]) : null };
  }

  /** The sweep: reservations older than `cutoff` that never got their points held go back to stock. */
  async releaseStaleReservations(cutoff: Date, batch: number): Promise<number> {
    let total = 0;
    for (;;) {
      const released = await this.rewards.releaseStaleReservations(cutoff, this.clock.now(), batch);
      const n = released.reduce((s, r) => s + r.count, 0);
      total += n;
      if (n < batch) return total;
    }
  }

  /** The sweep: redemptions held since before `cutoff` (the gateway stopped between hold and fulfilment). */
  staleHolds(cutoff: Date, batch: number): Promise<RedemptionRecord[]> {
    return this.rewards.staleHolds(cutoff, batch);
  }

  private async advance(
    tenant: TenantContext,
    redemptionId: string,
    what: RedemptionStep,
    extra: { holdExpiresAt?: Date | null; reason?: 'points-refused' | 'hold-ended'; failure?: RewardFailure | null },
  ): Promise<RewardRedemptionStep> {
    return this.uow.run(async (m) => {
      const r = await this.rewards.findRedemption(m, tenant.tenantId, redemptionId, true);
      if (!r) throw notFound('reward redemption not found');
      const t = transition(r.status, what);
      if (t.kind === 'refuse') throw failedPrecondition(`cannot ${what} this redemption: ${t.reason}`, [{ pointer: '#/redemptionId', detail: t.reason }]);
      if (t.kind === 'stay') return step(r);
      const at = this.clock.now();
      const releaseReason = t.to === 'released' ? (extra.reason ?? 'hold-ended') : undefined;
      const failure = t.to === 'released' ? (extra.failure ?? null) : null;
      await this.rewards.moveRedemption(m, tenant.tenantId, r.id, t.to, at, { holdExpiresAt: extra.holdExpiresAt ?? null, releaseReason, failure });
      await this.rewards.moveCounters(m, tenant.tenantId, r.rewardId, counterDelta(t.to));
      const moved: RedemptionRecord = {
        ...r,
        status: t.to,
        ...(t.to === 'held' ? { heldAt: at, holdExpiresAt: extra.holdExpiresAt ?? null } : {}),
        ...(t.to === 'fulfilled' ? { fulfilledAt: at } : {}),
        ...(t.to === 'released' ? { releasedAt: at, releaseReason: releaseReason ?? null, failure } : {}),
      };
      if (t.to === 'fulfilled') {
        await this.outbox.enqueue(m, {
          topic: 'campaigns.reward.redeemed.v1',
          tenantId: tenant.tenantId,
          subject: r.memberId,
          time: at,
          data: {
            redemptionId: r.id,
            rewardId: r.rewardId,
            rewardCode: r.rewardCode,
            memberId: r.memberId,
            points: r.points,
            pointsRedemptionId: pointsRedemptionIdOf(r.id),
            reservedAt: r.createdAt.toISOString(),
            fulfilledAt: at.toISOString(),
          },
        });
      }
      return step(moved);
    });
  }

  private replay(known: RedemptionRecord, input: { rewardId: string; memberId: string }): RewardRedemptionStep {
    if (known.rewardId !== input.rewardId || known.memberId !== input.memberId) {
      throw alreadyExists('this redemptionId was used for another reward or member', [{ pointer: '#/redemptionId', detail: 'already used' }]);
    }
    return step(known);
  }

  private refused(reason: keyof typeof REFUSAL_TEXT) {
    return failedPrecondition(REFUSAL_TEXT[reason], [{ pointer: '#/rewardId', detail: reason }]);
  }

  private codeTaken(code: string) {
    return alreadyExists(`a reward with code ${code} already exists`, [{ pointer: '#/code', detail: 'taken' }]);
  }

  private checkWindow(input: RewardInput): void {
    if (!windowIsValid(input.validFrom === null ? null : new Date(input.validFrom), input.validUntil === null ? null : new Date(input.validUntil))) {
      throw invalidArgument('the validity window is empty', [{ pointer: '#/validUntil', detail: 'must be after validFrom' }]);
    }
  }
}
