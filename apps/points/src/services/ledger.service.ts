import { Injectable } from '@nestjs/common';
import type { TenantContext } from '@club/contracts';
import { OutboxRepository, type NewEvent } from '@club/platform-kafka';
import { alreadyExists, Clock, Ids, invalidArgument, UnitOfWork } from '@club/platform-nest';
import { defaultEarnRate, pointsForAmount, type EarnRate } from '../domain/earn';
import { LedgerRepository, type BalanceRow, type CheckoutResult } from '../repositories/ledger.repository';

export interface EarnForCheckoutCommand {
  readonly transactionId: string;
  readonly storeId: string;
  readonly memberId: string;
  readonly amount: number;
  readonly currency: string;
  readonly requestHash: string;
  readonly itemCount?: number;
}

@Injectable()
export class LedgerService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
  ) {}

  /**
   * Credits a checkout's points exactly once per tenant and transaction id. The claim on the
   * transaction id, the ledger entry, the balance and the outbox event commit together; a retry
   * gets the first response back (replayed), a different request under the same id is refused.
   */
  async earnPoints(tenant: TenantContext, cmd: EarnForCheckoutCommand): Promise<CheckoutResult & { replayed: boolean }> {
    if (cmd.currency !== tenant.currency) {
      throw invalidArgument(`currency must be the tenant currency ${tenant.currency}`, [
        { pointer: '#/currency', detail: `expected ${tenant.currency}` },
      ]);
    }
    const rate = (await this.ledger.findEarnRate(tenant.tenantId)) ?? defaultEarnRate(tenant.currency);
    const points = pointsForAmount(cmd.amount, rate);
    return this.uow.run(async (m) => {
      const now = this.clock.now();
      const claimed = await this.ledger.claimCheckout(m, tenant.tenantId, cmd);
      if (!claimed) {
        const existing = await this.ledger.findCheckout(m, tenant.tenantId, cmd.transactionId);
        if (!existing?.response || existing.requestHash !== cmd.requestHash) {
          throw alreadyExists(`transaction ${cmd.transactionId} was already recorded with a different request`, [
            { pointer: '#/transactionId', detail: 'already used for a different checkout' },
          ]);
        }
        return { ...existing.response, replayed: true };
      }
      const entryId = this.ids.uuid();
      const recorded: NewEvent<'points.checkout.recorded.v1'> = {
        topic: 'points.checkout.recorded.v1',
        tenantId: tenant.tenantId,
        subject: cmd.memberId,
        time: now,
        data: {
          memberId: cmd.memberId,
          transactionId: cmd.transactionId,
          storeId: cmd.storeId,
          amount: cmd.amount,
          currency: cmd.currency,
          pointsEarned: points,
          itemCount: cmd.itemCount ?? 0,
          recordedAt: now.toISOString(),
        },
      };
      let balance: BalanceRow;
      if (points > 0) {
        await this.ledger.insertEntry(m, tenant.tenantId, {
          id: entryId,
          memberId: cmd.memberId,
          kind: 'earn',
          points,
          transactionId: cmd.transactionId,
          createdAt: now,
        });
        balance = await this.ledger.creditAvailable(m, tenant.tenantId, cmd.memberId, points);
        const earned: NewEvent<'points.ledger-entry.created.v1'> = {
          topic: 'points.ledger-entry.created.v1',
          tenantId: tenant.tenantId,
          subject: cmd.memberId,
          time: now,
          data: { entryId, memberId: cmd.memberId, kind: 'earn', points, transactionId: cmd.transactionId, storeId: cmd.storeId, balance, createdAt: now.toISOString() },
        };
        // Both events in one statement: the checkout's transaction is on the till's critical path.
        await this.outbox.enqueueMany(m, [earned, recorded]);
      } else {
        balance = await this.ledger.creditAvailable(m, tenant.tenantId, cmd.memberId, 0);
        await this.outbox.enqueue(m, recorded);
      }
      const result: CheckoutResult = { transactionId: cmd.transactionId, memberId: cmd.memberId, pointsEarned: points, balance };
      await this.ledger.completeCheckout(m, tenant.tenantId, result);
      return { ...result, replayed: false };
    });
  }

  /** The tenant's flat earn rate, or the currency default when none was set. */
  async getEarnRate(tenant: TenantContext): Promise<EarnRate & { isDefault: boolean }> {
    const rate = await this.ledger.findEarnRate(tenant.tenantId);
    return rate ? { ...rate, isDefault: false } : { ...defaultEarnRate(tenant.currency), isDefault: true };
  }

  async setEarnRate(tenant: TenantContext, rate: EarnRate): Promise<EarnRate & { isDefault: boolean }> {
    await this.ledger.upsertEarnRate(tenant.tenantId, rate);
    return { ...rate, isDefault: false };
  }

  getBalance(tenant: TenantContext, memberId: string): Promise<BalanceRow> {
    return this.ledger.findBalance(tenant.tenantId, memberId);
  }
}
