import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, TenantContext } from '@club/contracts';
import { Clock, UnitOfWork } from '@club/platform-nest';
import { CouponRepository } from '../repositories/coupon.repository';
import { EvaluationRepository } from '../repositories/evaluation.repository';

/**
 * Gives a checkout's campaign effects back: its counter increments come off the budgets and its
 * coupons are restored, at most once per checkout.
 * - **Void**: the ledger refused the checkout (not enough points to redeem), so nothing of it
 *   happened; the gateway voids it. A checkout that was never evaluated is a no-op.
 * - **Return**: returns add up; when the whole sale has come back (`points.checkout.returned.v1`)
 *   the checkout is reversed. Partial returns keep the budgets used, so a budget never
 *   overshoots; their points are reversed by the ledger, campaign points included, line by line.
 */
@Injectable()
export class ReversalService {
  constructor(
    private readonly evaluations: EvaluationRepository,
    private readonly coupons: CouponRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async voidCheckout(tenant: TenantContext, transactionId: string): Promise<{ transactionId: string; voided: boolean; couponsRestored: string[] }> {
    return this.uow.run(async (m) => {
      const app = await this.evaluations.lockApplication(m, tenant.tenantId, transactionId);
      if (app && !app.reversed) await this.evaluations.reverse(m, tenant.tenantId, transactionId, app.increments, 'void', this.clock.now());
      const couponsRestored = await this.coupons.restore(m, tenant.tenantId, transactionId);
      return { transactionId, voided: app !== undefined && !app.reversed, couponsRestored };
    });
  }

  /** Called once per return event (idempotent consumer), inside its transaction. */
  async onReturned(event: EventEnvelope<'points.checkout.returned.v1'>, m: EntityManager): Promise<void> {
    const { transactionId, amountReturned } = event.data;
    const app = await this.evaluations.lockApplication(m, event.tenantId, transactionId);
    if (!app || app.reversed) return;
    await this.evaluations.addReturned(m, event.tenantId, transactionId, amountReturned);
    if (app.amountReturned + amountReturned < app.amount) return;
    await this.evaluations.reverse(m, event.tenantId, transactionId, app.increments, 'return', this.clock.now());
    await this.coupons.restore(m, event.tenantId, transactionId);
  }
}
