import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { CampaignInput, CheckoutEffect, CheckoutEvaluation, CheckoutEvaluationRequest, TenantContext } from '@club/contracts';
import { alreadyExists, Clock, invalidArgument, LOGGER, UnitOfWork } from '@club/platform-nest';
import { type AppliedEffect, buildRuleContext, compileCampaign, counterKeysFor, evaluateCheckout, type CompiledCampaign } from '../domain/rule-engine';
import { recordedFacts } from '../domain/replay';
import { toDefinition } from './campaign-check';
import { EvaluationRepository } from '../repositories/evaluation.repository';
import { CampaignCache } from './campaign-cache.service';

/** Attempts when concurrent checkouts keep taking the last of a budget first. */
const ATTEMPTS = 5;

/** The id a simulated draft campaign carries in the breakdown. */
const SIMULATED_ID = '00000000-0000-0000-0000-00000000d4af';

class BudgetRace extends Error {}

/** An applied effect as the breakdown shows it: provenance, points or discount, and what it awards. */
function toEffect(e: AppliedEffect): CheckoutEffect {
  return {
    campaignId: e.campaignId,
    version: e.version,
    ruleId: e.ruleId,
    kind: e.kind,
    points: e.points,
    discount: e.discount,
    description: e.description,
    reference: e.badge ?? e.challenge?.code ?? e.coupon?.batchId ?? null,
    steps: e.challenge?.by ?? 0,
  };
}

/**
 * What a checkout earns from the live campaigns: evaluated against the tenant's compiled campaigns
 * (in memory) and the counters the limits need (one query), then recorded once per transaction
 * id with the counter increments in one transaction. Increments are conditional
 * (`used + by <= max`): when a concurrent checkout took the budget first, the transaction rolls
 * back and the evaluation runs again with fresh counters, so budgets never overshoot. The same
 * transaction again answers the recorded evaluation (a till retry counts nothing twice); a
 * different request under the same id is ALREADY_EXISTS.
 */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly cache: CampaignCache,
    private readonly evaluations: EvaluationRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async evaluateCheckout(tenant: TenantContext, req: CheckoutEvaluationRequest): Promise<CheckoutEvaluation> {
    // No lookup first: most checkouts are new, and a retry finds its record when the claim fails.
    const at = req.at ? new Date(req.at) : this.clock.now();
    const context = this.context(tenant, req, at);
    for (let attempt = 1; ; attempt++) {
      const set = await this.cache.liveSet(tenant.tenantId, at);
      const counters = await this.evaluations.counters(tenant.tenantId, counterKeysFor(set, context));
      const evaluation = evaluateCheckout(set, context, counters);
      if (evaluation.diagnostics.length > 0) this.logger.warn({ transaction_id: req.transactionId, diagnostics: evaluation.diagnostics }, 'campaign rules failed to evaluate (counted as false)');
      const result: CheckoutEvaluation = {
        transactionId: req.transactionId,
        effects: evaluation.effects.map(toEffect),
        totals: evaluation.totals,
        replayed: false,
      };
      try {
        const claimed = await this.uow.run(async (m) => {
          if (!(await this.evaluations.claim(m, tenant.tenantId, req.transactionId, req.requestHash, result, { memberId: req.member.id, amount: req.cart.amount, increments: evaluation.increments, facts: recordedFacts(req, at) }))) return false;
          if (!(await this.evaluations.raise(m, tenant.tenantId, evaluation.increments))) throw new BudgetRace();
          return true;
        });
        if (claimed) return result;
        const winner = await this.evaluations.findApplication(undefined, tenant.tenantId, req.transactionId);
        return this.replay(req, winner!); // a concurrent retry of the same checkout recorded it first
      } catch (err) {
        if (!(err instanceof BudgetRace) || attempt >= ATTEMPTS) throw err;
      }
    }
  }

  /**
   * A dry run: what the live campaigns — plus `draft`, a campaign not yet published, when given —
   * would give this checkout now, against the current counters; nothing is recorded or counted.
   */
  async simulate(tenant: TenantContext, req: CheckoutEvaluationRequest, draft: CampaignInput | null): Promise<CheckoutEvaluation & { diagnostics: readonly unknown[] }> {
    const at = req.at ? new Date(req.at) : this.clock.now();
    const context = this.context(tenant, req, at);
    const extra: CompiledCampaign[] = [];
    if (draft !== null) {
      const compiled = compileCampaign(toDefinition(draft, SIMULATED_ID, 1), (await this.cache.rules(tenant.tenantId)).env);
      if (!compiled.ok) throw invalidArgument('the draft campaign does not compile', compiled.errors.map((e) => ({ pointer: `#/draft${e.pointer.slice(1)}`, detail: e.detail })));
      extra.push(compiled.campaign);
    }
    const set = await this.cache.liveSet(tenant.tenantId, at, extra);
    const counters = await this.evaluations.counters(tenant.tenantId, counterKeysFor(set, context));
    const evaluation = evaluateCheckout(set, context, counters);
    return {
      transactionId: req.transactionId,
      effects: evaluation.effects.map(toEffect),
      totals: evaluation.totals,
      replayed: false,
      diagnostics: evaluation.diagnostics,
    };
  }

  private context(tenant: TenantContext, req: CheckoutEvaluationRequest, at: Date) {
    return buildRuleContext({
      trigger: 'purchase',
      instant: at,
      tenant: { timeZone: tenant.timezone, calendar: tenant.calendar },
      member: req.member,
      cart: req.cart,
      basePoints: req.basePoints,
      store: req.store === null ? null : { id: req.store },
      channel: req.channel,
      couponBatches: req.couponBatches,
    });
  }

  private replay(req: CheckoutEvaluationRequest, recorded: { requestHash: string; result: unknown }): CheckoutEvaluation {
    if (recorded.requestHash !== req.requestHash) {
      throw alreadyExists(`transaction ${req.transactionId} was already evaluated for a different checkout`, [{ pointer: '#/transactionId', detail: 'already used' }]);
    }
    return { ...(recorded.result as CheckoutEvaluation), replayed: true };
  }
}
