import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MemberTierView, TenantContext, TierLadderInput, TierLadderView } from '@club/contracts';
import { OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, invalidArgument, notFound, UnitOfWork } from '@club/platform-nest';
import {
  ladderAt,
  onQualifyingActivity,
  progressToNext,
  resolveStanding,
  tierMultiplierPercent,
  validateFormerCodes,
  validateNewVersion,
  type CurrentStanding,
  type LadderChange,
  type TierLadder,
} from '../domain/tier';
import { memberWindow, tenureDays, toLadder, type ProgramVersion } from '../domain/tier-program';
import { ActivityRepository, type MemberTierRow } from '../repositories/activity.repository';
import { MemberRepository, type MemberRecord } from '../repositories/member.repository';

type CachedLadder = ReturnType<typeof toLadder>;

/** How long the till path and purchases reuse a tenant's ladders. */
const LADDER_CACHE_MS = 30_000;

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

  private ladderGeneration = 0;
  private readonly ladderCache = new Map<string, { readonly loadedAt: number; readonly versions: CachedLadder[] }>();

  /** A new ladder version; it takes effect at `effectiveFrom` (default now) and never rewrites history. */
  async defineLadder(tenant: TenantContext, input: TierLadderInput): Promise<TierLadderView> {
    await this.rememberTenant(tenant);
    const view = await this.uow.run(async (m) => {
      await this.activity.lockLadders(m, tenant.tenantId);
      const history = (await this.activity.listLadders(m, tenant.tenantId)).map(toLadder);
      const now = this.clock.now();
      const version: ProgramVersion = {
        version: history.length + 1,
        effectiveFrom: input.effectiveFrom ? new Date(input.effectiveFrom) : now,
        definition: {
          metric: input.metric,
          window: input.window,
          levels: input.levels,
          downgrade: input.downgrade,
          graceDays: input.graceDays,
          ...(input.formerCodes ? { formerCodes: input.formerCodes } : {}),
        },
      };
      const candidate = toLadder(version);
      const errors = [
        ...validateNewVersion(history, candidate, now.toISOString()).map((detail) => ({ pointer: '#', detail })),
        ...validateFormerCodes(history, candidate),
      ];
      if (errors.length > 0) throw invalidArgument('invalid tier ladder', errors);
      await this.activity.insertLadder(m, tenant.tenantId, version);
      return toView(version);
    });
    // After the commit: a load in flight now may have read the old ladders, so it is not kept.
    this.ladderCache.delete(tenant.tenantId);
    this.ladderGeneration += 1;
    return view;
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
    const versions = (await this.activity.listLadders(this.uowlessSource(), tenant.tenantId)).map(toLadder);
    const ladder = currentLadder(versions, now);
    const history = (await this.activity.listTierHistory(tenant.tenantId, memberId)).map((h) => ({ ...h, at: h.at.toISOString() }));
    if (!ladder) {
      return { ...base, code: null, name: null, since: null, graceUntil: null, ladderVersion: null, metric: null, metricValue: 0, window: null, progress: null, multiplierPercent: 100, history };
    }
    const window = memberWindow(ladder.window, member.createdAt, now, tenant.timezone);
    const metricValue = await this.activity.windowMetric(this.uowlessSource(), tenant.tenantId, memberId, ladder.metric, window.start, window.end);
    // Shown in the code of the ladder in force (a renamed or dropped code follows the versions' formerCodes).
    const { standing } = this.standing(versions, ladder, member, await this.activity.findMemberTier(this.uowlessSource(), tenant.tenantId, memberId));
    const level = ladder.levels.find((l) => l.code === standing.code) ?? ladder.levels[0];
    const progress = progressToNext(ladder, level.code, metricValue);
    return {
      ...base,
      code: level.code,
      name: level.name,
      since: standing.since,
      graceUntil: standing.graceUntil ?? null,
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
   * Never downgrades — that happens only at the review. A standing stored in a code a later
   * version renamed or dropped is rewritten in the new code (a ladder-change move is recorded
   * only when the mapping landed on another rank; see `standingResolver`).
   */
  async upgradeIfEarned(m: EntityManager, tenantId: string, member: MemberRecord, at: Date, timeZone: string): Promise<void> {
    // Read fresh in the purchase's transaction: a cached ladder could miss a version defined a
    // moment ago, and a missed upgrade would wait for the review.
    const versions = (await this.activity.listLadders(m, tenantId)).map(toLadder);
    const ladder = currentLadder(versions, at);
    if (!ladder) return;
    const window = memberWindow(ladder.window, member.createdAt, at, timeZone);
    const value = await this.activity.windowMetric(m, tenantId, member.id, ladder.metric, window.start, window.end);
    const row = await this.activity.findMemberTier(m, tenantId, member.id);
    const { standing, mapped, change } = this.standing(versions, ladder, member, row);
    if (change) await this.recordMove(m, tenantId, member.id, { ...change, reason: 'ladder-change', at: new Date(change.at) });
    const outcome = onQualifyingActivity(ladder, standing, value);
    if (!outcome.changed) {
      if (mapped) {
        await this.activity.upsertMemberTier(m, tenantId, member.id, {
          code: standing.code,
          since: new Date(standing.since),
          graceUntil: standing.graceUntil ? new Date(standing.graceUntil) : null,
          ladderVersion: ladder.version,
        });
      }
      return;
    }
    await this.activity.upsertMemberTier(m, tenantId, member.id, { code: outcome.code, since: at, graceUntil: null, ladderVersion: ladder.version });
    await this.recordMove(m, tenantId, member.id, { from: standing.code, to: outcome.code, direction: 'up', reason: 'qualifying-activity', ladderVersion: ladder.version, at });
  }

  /** A tier move: a history entry and its `members.tier.changed.v1` event, in the caller's transaction. */
  private async recordMove(
    m: EntityManager,
    tenantId: string,
    memberId: string,
    move: Omit<LadderChange, 'at'> & { reason: string; at: Date },
  ): Promise<void> {
    await this.activity.insertTierHistory(m, tenantId, memberId, this.ids.uuid(), move);
    await this.outbox.enqueue(m, {
      topic: 'members.tier.changed.v1',
      tenantId,
      subject: memberId,
      time: move.at,
      data: { memberId, ...move, at: move.at.toISOString() },
    });
  }

  async rememberTenant(tenant: TenantContext): Promise<void> {
    await this.activity.rememberTenant(tenant.tenantId, tenant);
  }

  /** The stored standing read against the ladder in force; a member without one is on the lowest level since enrolment. */
  private standing(versions: readonly TierLadder[], ladder: TierLadder, member: { readonly createdAt: Date }, row: MemberTierRow | undefined): CurrentStanding {
    if (!row) return { standing: { code: ladder.levels[0].code, since: member.createdAt.toISOString() }, mapped: false };
    return resolveStanding(versions, ladder, {
      code: row.code,
      since: row.since.toISOString(),
      ladderVersion: row.ladderVersion,
      ...(row.graceUntil ? { graceUntil: row.graceUntil.toISOString() } : {}),
    });
  }

  /**
   * The code a member holds in the ladder in force at `at`, from the stored standing (mapped
   * through renamed or dropped codes), for the till; null when the club has no ladder. Ladders are
   * cached per tenant for {@link LADDER_CACHE_MS} (a new version defined here drops the entry; other
   * replicas see it within that time).
   */
  async tierAtTill(tenantId: string, member: { readonly createdAt: Date }, row: MemberTierRow | undefined, at: Date): Promise<string | null> {
    const versions = await this.cachedLadders(tenantId);
    const ladder = currentLadder(versions, at);
    if (!ladder) return null;
    const { standing } = this.standing(versions, ladder, member, row);
    return ladder.levels.some((l) => l.code === standing.code) ? standing.code : ladder.levels[0].code;
  }

  private async cachedLadders(tenantId: string): Promise<CachedLadder[]> {
    const now = this.clock.now().getTime();
    const hit = this.ladderCache.get(tenantId);
    if (hit && now - hit.loadedAt < LADDER_CACHE_MS && now >= hit.loadedAt) return hit.versions;
    const generation = this.ladderGeneration;
    const versions = (await this.activity.listLadders(this.uowlessSource(), tenantId)).map(toLadder);
    // A ladder defined while this load was in flight may be missing from it: don't keep it then.
    if (generation === this.ladderGeneration) this.ladderCache.set(tenantId, { loadedAt: now, versions });
    return versions;
  }

  private uowlessSource() {
    return this.members.dataSource;
  }
}

/** The version in force at `at`, with its qualification window. */
function currentLadder<L extends TierLadder>(versions: readonly L[], at: Date): L | undefined {
  const chosen = ladderAt(versions, at.toISOString());
  return chosen && versions.find((l) => l.version === chosen.version);
}

function toView(v: ProgramVersion): TierLadderView {
  return { version: v.version, effectiveFrom: v.effectiveFrom.toISOString(), ...v.definition, levels: v.definition.levels.map((l) => ({ ...l })) };
}
