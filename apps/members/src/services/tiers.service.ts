import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MemberTierView, TenantContext, TierLadderInput, TierLadderView } from '@club/contracts';
import { OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, invalidArgument, notFound, UnitOfWork } from '@club/platform-nest';
import { ladderAt, onQualifyingActivity, progressToNext, tierMultiplierPercent, validateLadder, validateNewVersion, type TierLadder } from '../domain/tier';
import { memberWindow, tenureDays, toLadder, type ProgramVersion } from '../domain/tier-program';
import { ActivityRepository, type MemberTierRow } from '../repositories/activity.repository';
import { MemberRepository, type MemberRecord } from '../repositories/member.repository';

@Injectable()
export class TiersService {
  constructor(
    private readonly activity: ActivityRepository,
    private readonly members: MemberRepository,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
  ) {}

  /** A new ladder version; it takes effect at `effectiveFrom` (default now) and never rewrites history. */
  async defineLadder(tenant: TenantContext, input: TierLadderInput): Promise<TierLadderView> {
    await this.rememberTenant(tenant);
    return this.uow.run(async (m) => {
      await this.activity.lockLadders(m, tenant.tenantId);
      const history = (await this.activity.listLadders(m, tenant.tenantId)).map(toLadder);
      const now = this.clock.now();
      const version: ProgramVersion = {
        version: history.length + 1,
        effectiveFrom: input.effectiveFrom ? new Date(input.effectiveFrom) : now,
        definition: { metric: input.metric, window: input.window, levels: input.levels, downgrade: input.downgrade, graceDays: input.graceDays },
      };
      const candidate = toLadder(version);
      const errors = [...validateLadder(candidate), ...validateNewVersion(history, candidate, now.toISOString())];
      if (errors.length > 0) throw invalidArgument('invalid tier ladder', errors.map((detail) => ({ pointer: '#', detail })));
      await this.activity.insertLadder(m, tenant.tenantId, version);
      return toView(version);
    });
  }

  async listLadders(tenant: TenantContext): Promise<TierLadderView[]> {
    return (await this.activity.listLadders(this.uowlessSource(), tenant.tenantId)).map(toView);
  }

  /** Where the member stands: tier, since, window, metric, progress to the next tier, tenure and history. */
  async getMemberTier(tenant: TenantContext, memberId: string): Promise<MemberTierView> {
    const member = await this.members.findById(tenant.tenantId, memberId);
    if (!member) throw notFound('member not found');
    const now = this.clock.now();
    const base = { memberSince: member.createdAt.toISOString(), tenureDays: tenureDays(member.createdAt, now) };
    const ladder = currentLadder(await this.activity.listLadders(this.uowlessSource(), tenant.tenantId), now);
    const history = (await this.activity.listTierHistory(tenant.tenantId, memberId)).map((h) => ({ ...h, at: h.at.toISOString() }));
    if (!ladder) {
      return { ...base, code: null, name: null, since: null, graceUntil: null, ladderVersion: null, metric: null, metricValue: 0, window: null, progress: null, multiplierPercent: 100, history };
    }
    const window = memberWindow(ladder.window, member.createdAt, now, tenant.timezone);
    const metricValue = await this.activity.windowMetric(this.uowlessSource(), tenant.tenantId, memberId, ladder.metric, window.start, window.end);
    const standing = this.standing(ladder, member, await this.activity.findMemberTier(this.uowlessSource(), tenant.tenantId, memberId));
    const level = ladder.levels.find((l) => l.code === standing.code) ?? ladder.levels[0];
    const progress = progressToNext(ladder, level.code, metricValue);
    return {
      ...base,
      code: level.code,
      name: level.name,
      since: standing.since.toISOString(),
      graceUntil: standing.graceUntil?.toISOString() ?? null,
      ladderVersion: ladder.version,
      metric: ladder.metric,
      metricValue,
      window: { start: window.start.toISOString(), end: window.end.toISOString() },
      progress: { nextCode: progress.next?.code ?? null, remaining: progress.remaining, percent: progress.percent },
      multiplierPercent: tierMultiplierPercent(ladder, level.code),
      history,
    };
  }

  /**
   * After a qualifying event (a purchase): upgrade at once when the member now earns a higher tier.
   * Never downgrades — that happens only at the review.
   */
  async upgradeIfEarned(m: EntityManager, tenantId: string, member: MemberRecord, at: Date, timeZone: string): Promise<void> {
    const ladder = currentLadder(await this.activity.listLadders(m, tenantId), at);
    if (!ladder) return;
    const window = memberWindow(ladder.window, member.createdAt, at, timeZone);
    const value = await this.activity.windowMetric(m, tenantId, member.id, ladder.metric, window.start, window.end);
    const current = await this.activity.findMemberTier(m, tenantId, member.id);
    const standing = this.standing(ladder, member, current);
    const outcome = onQualifyingActivity(ladder, standing, value);
    if (!outcome.changed) return;
    await this.activity.upsertMemberTier(m, tenantId, member.id, { code: outcome.code, since: at, graceUntil: null, ladderVersion: ladder.version });
    await this.activity.insertTierHistory(m, tenantId, member.id, this.ids.uuid(), {
      from: standing.code,
      to: outcome.code,
      direction: 'up',
      reason: 'qualifying-activity',
      ladderVersion: ladder.version,
      at,
    });
    await this.outbox.enqueue(m, {
      topic: 'members.tier.changed.v1',
      tenantId,
      subject: member.id,
      time: at,
      data: { memberId: member.id, from: standing.code, to: outcome.code, direction: 'up', reason: 'qualifying-activity', ladderVersion: ladder.version, at: at.toISOString() },
    });
  }

  async rememberTenant(tenant: TenantContext): Promise<void> {
    await this.activity.rememberTenant(tenant.tenantId, tenant);
  }

  /** A member without a stored standing is on the lowest level since enrolment. */
  private standing(ladder: TierLadder, member: MemberRecord, row: MemberTierRow | undefined): { code: string; since: Date; graceUntil?: Date } {
    if (row) return { code: row.code, since: row.since, ...(row.graceUntil ? { graceUntil: row.graceUntil } : {}) };
    return { code: ladder.levels[0].code, since: member.createdAt };
  }

  private uowlessSource() {
    return this.members.dataSource;
  }
}

/** The version in force at `at`, with its qualification window. */
function currentLadder(versions: readonly ProgramVersion[], at: Date): ReturnType<typeof toLadder> | undefined {
  const all = versions.map(toLadder);
  const chosen = ladderAt(all, at.toISOString());
  return chosen && all.find((l) => l.version === chosen.version);
}

function toView(v: ProgramVersion): TierLadderView {
  return { version: v.version, effectiveFrom: v.effectiveFrom.toISOString(), ...v.definition, levels: v.definition.levels.map((l) => ({ ...l })) };
}
