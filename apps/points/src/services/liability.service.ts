import { Injectable } from '@nestjs/common';
import type { LiabilityReport, LiabilityRequest, TenantContext } from '@club/contracts';
import { Clock, invalidArgument } from '@club/platform-nest';
import { liabilityValue } from '../domain/earn';
import { LedgerJobRepository } from '../repositories/ledger-job.repository';
import { LiabilityRepository } from '../repositories/liability.repository';

/**
 * The outstanding points liability for finance: what members hold (spendable, pending and held
 * points) and what they owe (debt under allow-negative, reported apart, not netted), valued by
 * the tenant's pointValue, each total rounded once. Now from the cached balances; at a past
 * instant from the ledger entries up to it.
 */
@Injectable()
export class LiabilityService {
  constructor(
    private readonly liability: LiabilityRepository,
    private readonly jobs: LedgerJobRepository,
    private readonly clock: Clock,
  ) {}

  async getLiability(tenant: TenantContext, input: LiabilityRequest): Promise<LiabilityReport> {
    const now = this.clock.now();
    const at = input.at === undefined ? null : new Date(input.at);
    if (at !== null && at.getTime() > now.getTime()) {
      throw invalidArgument('the liability is known up to now, not for a future instant', [{ pointer: '#/at', detail: 'must not be in the future' }]);
    }
    const [points, policy] = await Promise.all([
      at === null ? this.liability.outstandingNow(tenant.tenantId) : this.liability.outstandingAt(tenant.tenantId, at),
      this.jobs.findPolicy(tenant.tenantId),
    ]);
    const outstanding = points.available + points.pending + points.held;
    return {
      at: (at ?? now).toISOString(),
      source: at === null ? 'balances' : 'ledger',
      currency: tenant.currency,
      pointValue: policy.pointValue,
      points: { ...points, outstanding },
      value: { outstanding: liabilityValue(outstanding, policy.pointValue).toString(), debt: liabilityValue(points.debt, policy.pointValue).toString() },
    };
  }
}
