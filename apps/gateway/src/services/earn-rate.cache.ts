import { Injectable } from '@nestjs/common';
import type { TenantContext } from '@club/contracts';
import { defaultEarnRate, ROUNDING_MODES, type EarnRate, type RoundingMode } from '@club/money';
import { ServiceClients } from '../repositories/service-clients';

/** How long a replica reuses a tenant's earn rate before asking points again. */
export const EARN_RATE_TTL_MS = 10_000;

/**
 * The tenant's earn rate and rounding (owned by points), cached per replica so a checkout can give
 * the campaigns its base points without another call: multipliers are a percentage of them. A
 * rate changed through this replica is dropped at once; other replicas use the old one for at most
 * {@link EARN_RATE_TTL_MS}. Points computes the credited base itself; only a multiplier's reference
 * can lag a rate change by that long.
 */
@Injectable()
export class EarnRateCache {
  private readonly rates = new Map<string, { readonly rate: EarnRate; readonly until: number }>();

  constructor(private readonly services: ServiceClients) {}

  async get(tenant: TenantContext, now = Date.now()): Promise<EarnRate> {
    const hit = this.rates.get(tenant.tenantId);
    if (hit && now < hit.until) return hit.rate;
    const m = await this.services.getEarnRate(tenant);
    const rounding: RoundingMode = ROUNDING_MODES.includes(m.rounding as RoundingMode) ? (m.rounding as RoundingMode) : 'floor';
    const rate: EarnRate = m.perAmount > 0 ? { points: m.points, perAmount: m.perAmount, rounding } : { ...defaultEarnRate(tenant.currency), rounding };
    this.rates.set(tenant.tenantId, { rate, until: now + EARN_RATE_TTL_MS });
    return rate;
  }

  invalidate(tenantId: string): void {
    this.rates.delete(tenantId);
  }
}
