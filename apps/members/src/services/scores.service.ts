import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantContext } from '@club/contracts';
import { Clock, invalidArgument, notFound } from '@club/platform-nest';
import { CIVILFORMD_FACTORS, resolveWeights, scoreCivilformdAgainstCuts, validateWeights, type CivilformdCuts } from '../domain/civilformd';
import { quintileCutPositions } from '../domain/rfm';
import type { MemberPass } from '../repositories/member-pass.repository';
import { MemberRepository } from '../repositories/member.repository';
import { ScoresRepository, type StoredScore } from '../repositories/scores.repository';
import type { PassHandler } from './member-pass.service';

const DAY = 86_400_000;

interface ScoresState {
  readonly cuts: CivilformdCuts;
  readonly weights: Record<string, number>;
}

/**
 * Customer value per tenant: RFM quintiles and the ten CIVILFORMD factors (observable ones from
 * purchases, tenure and referrals; impression, opportunity and debt set by managers), weighted per
 * tenant. Scores are relative to the club's whole membership: the scores pass (a `MemberPass`)
 * first takes the population's quintile cuts in SQL, then scores members a page at a time
 * against them, writing only scores that changed. Recomputing is idempotent.
 * Assumptions until other services feed them: income = total spend (no margin data yet) and
 * cooperation = 0 participations (feedback and events arrive with the feedback issue).
 */
@Injectable()
export class ScoresService implements PassHandler {
  constructor(
    private readonly scores: ScoresRepository,
    private readonly members: MemberRepository,
    private readonly clock: Clock,
  ) {}

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

  async prepare(m: EntityManager, pass: MemberPass): Promise<ScoresState> {
    const population = await this.scores.populationCuts(m, pass.tenantId, pass.asOf, quintileCutPositions);
    const cooperation = quintileCutPositions(population.members).map(() => 0); // nobody has participations yet (feedback issue)
    const { recency, frequency, money, income, viralMarketing, length } = population;
    return { cuts: { recency, frequency, money, income, viralMarketing, length, cooperation }, weights: { ...resolveWeights((await this.scores.findWeights(pass.tenantId)) ?? {}) } };
  }

  async batch(m: EntityManager, pass: MemberPass, limit: number): Promise<{ last: string | null; processed: number; changed: number }> {
    const { cuts, weights } = pass.state as ScoresState;
    const asOf = pass.asOf;
    const facts = await this.scores.pageFacts(m, pass.tenantId, pass.cursor, limit);
    if (facts.length === 0) return { last: null, processed: 0, changed: 0 };
    const days = (d: Date | null): number | null => (d ? Math.max(0, Math.floor((asOf.getTime() - d.getTime()) / DAY)) : null);
    const changed: StoredScore[] = [];
    for (const f of facts) {
      const civ = scoreCivilformdAgainstCuts(
        {
          memberId: f.memberId,
          participations: 0,
          referralsMade: f.referralsMade,
          grossProfit: f.totalSpend,
          tenureDays: days(f.createdAt) ?? 0,
          purchaseCount: f.purchaseCount,
          daysSinceLastPurchase: days(f.lastPurchaseAt),
          totalSpend: f.totalSpend,
          manual: f.manual,
        },
        cuts,
        weights,
      );
      const { recency: r, frequency: fq, money: mo } = civ.factors;
      const score: StoredScore = {
        memberId: f.memberId,
        r,
        f: fq,
        m: mo,
        rfm: `${r}${fq}${mo}`,
        civilformd: Object.fromEntries(CIVILFORMD_FACTORS.map((k) => [k, civ.factors[k]])),
        civilformdTotal: civ.total,
        computedAt: asOf,
      };
      if (!sameScore(f.current, score)) changed.push(score);
    }
    await this.scores.upsertScores(m, pass.tenantId, changed);
    return { last: facts[facts.length - 1].memberId, processed: facts.length, changed: changed.length };
  }
}

function sameScore(a: StoredScore | null, b: StoredScore): boolean {
  return a !== null && a.rfm === b.rfm && a.civilformdTotal === b.civilformdTotal && CIVILFORMD_FACTORS.every((k) => a.civilformd[k] === b.civilformd[k]);
}
