import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { TenantContext } from '@club/contracts';
import { Clock, invalidArgument, LOGGER, notFound, UnitOfWork, PerTenantOnce } from '@club/platform-nest';
import { CIVILFORMD_FACTORS, resolveWeights, scoreCivilformd, validateWeights } from '../domain/civilformd';
import { scoreRfm } from '../domain/rfm';
import { MemberRepository } from '../repositories/member.repository';
import { ScoresRepository, type StoredScore } from '../repositories/scores.repository';

const WRITE_BATCH = 5000;
const DAY = 86_400_000;

/**
 * Customer value per tenant: RFM quintiles and the ten CIVILFORMD factors (observable ones from
 * purchases, tenure and referrals; impression, opportunity and debt set by managers), weighted per
 * tenant. Scores are relative to the tenant's whole membership, so a recompute scores everyone at
 * once and writes the results in batches; recomputing is idempotent (it overwrites).
 * Assumptions until other services feed them: income = total spend (no margin data yet) and
 * cooperation = 0 participations (feedback and events arrive with the feedback issue).
 */
@Injectable()
export class ScoresService {
  private readonly once = new PerTenantOnce<{ members: number; computedAt: string }>();

  constructor(
    private readonly scores: ScoresRepository,
    private readonly members: MemberRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts a recompute for the tenant unless one is running; resolves when it is done. */
  recompute(tenant: TenantContext): Promise<{ members: number; computedAt: string }> {
    return this.once.run(tenant.tenantId, () => this.computeAll(tenant.tenantId));
  }

  /** For the API: start in the background and answer at once. */
  startRecompute(tenant: TenantContext): { status: 'started' } {
    this.recompute(tenant).catch((err: unknown) => this.logger.error({ err }, 'score recompute failed'));
    return { status: 'started' };
  }

  async setWeights(tenant: TenantContext, weights: Record<string, number>): Promise<Record<string, number>> {
    const errors = validateWeights(weights);
    if (errors.length > 0) throw invalidArgument('invalid weights', errors.map((detail) => ({ pointer: '#/weights', detail })));
    const resolved = { ...resolveWeights(weights) };
    await this.scores.saveWeights(tenant.tenantId, resolved);
    return resolved;
  }

  async setManualFactor(
    tenant: TenantContext,
    memberId: string,
    input: { factor: 'impression' | 'opportunity' | 'debt'; score: number; setBy: string; note?: string },
  ): Promise<void> {
    if (!(await this.members.findById(tenant.tenantId, memberId))) throw notFound('member not found');
    await this.scores.setManualFactor(tenant.tenantId, memberId, input.factor, input.score, input.setBy, input.note ?? null, this.clock.now());
  }

  async getMemberScores(tenant: TenantContext, memberId: string) {
    if (!(await this.members.findById(tenant.tenantId, memberId))) throw notFound('member not found');
    const [score, manual, weights] = await Promise.all([
      this.scores.findScore(tenant.tenantId, memberId),
      this.scores.listManualFactors(tenant.tenantId, memberId),
      this.scores.findWeights(tenant.tenantId),
    ]);
    return {
      rfm: score ? { r: score.r, f: score.f, m: score.m, code: score.rfm } : null,
      civilformd: score ? { factors: score.civilformd, total: score.civilformdTotal, weights: resolveWeights(weights ?? {}) } : null,
      manualFactors: manual.map((f) => ({ ...f, setAt: f.setAt.toISOString() })),
      computedAt: score?.computedAt.toISOString() ?? null,
    };
  }

  private async computeAll(tenantId: string): Promise<{ members: number; computedAt: string }> {
    const started = Date.now();
    const now = this.clock.now();
    const facts = await this.scores.loadFacts(tenantId);
    const weights = (await this.scores.findWeights(tenantId)) ?? {};
    const days = (d: Date | null): number | null => (d ? Math.max(0, Math.floor((now.getTime() - d.getTime()) / DAY)) : null);
    const rfm = scoreRfm(facts.map((f) => ({ memberId: f.memberId, daysSinceLastPurchase: days(f.lastPurchaseAt), purchaseCount: f.purchaseCount, totalSpend: f.totalSpend })));
    const civ = scoreCivilformd(
      facts.map((f) => ({
        memberId: f.memberId,
        participations: 0,
        referralsMade: f.referralsMade,
        grossProfit: f.totalSpend,
        tenureDays: days(f.createdAt) ?? 0,
        purchaseCount: f.purchaseCount,
        daysSinceLastPurchase: days(f.lastPurchaseAt),
        totalSpend: f.totalSpend,
        manual: f.manual,
      })),
      weights,
    );
    const rows: StoredScore[] = rfm.map((r, i) => ({
      memberId: r.memberId,
      r: r.r,
      f: r.f,
      m: r.m,
      rfm: r.rfm,
      civilformd: Object.fromEntries(CIVILFORMD_FACTORS.map((k) => [k, civ[i].factors[k]])),
      civilformdTotal: civ[i].total,
      computedAt: now,
    }));
    for (let at = 0; at < rows.length; at += WRITE_BATCH) {
      await this.uow.run((m) => this.scores.upsertScores(m, tenantId, rows.slice(at, at + WRITE_BATCH)));
    }
    this.logger.info({ members: rows.length, ms: Date.now() - started }, 'member scores recomputed');
    return { members: rows.length, computedAt: now.toISOString() };
  }
}
