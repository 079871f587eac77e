import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { OutboxRepository } from '@club/platform-kafka';
import type { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import type { TenantContext } from '@club/contracts';
import type { LedgerRepository } from '../repositories/ledger.repository';
import { LedgerService } from './ledger.service';

/** A strict mock: any method the test did not set up fails the test when called. */
function strictMock<T extends object>(impl: Partial<Record<keyof T, jest.Mock>>): T {
  return new Proxy(impl, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof T];
      if (prop === 'then') return undefined;
      throw new Error(`unexpected call to ${String(prop)}`);
    },
  }) as unknown as T;
}

const tenant: TenantContext = { tenantId: '7f8a7a52-3d4c-4b55-9c35-1d6c0c7e0a11', timezone: 'Asia/Tehran', calendar: 'jalali', currency: 'IRR', locale: 'fa' };
const manager = {} as EntityManager;
const cmd = {
  transactionId: 't-1',
  storeId: 's-1',
  memberId: '2b1c3d4e-5f60-4172-8394-a5b6c7d8e9f0',
  amount: 1_250_000,
  currency: 'IRR',
  requestHash: 'h'.repeat(64),
};

function build(ledger: Partial<Record<keyof LedgerRepository, jest.Mock>>, outbox: Partial<Record<keyof OutboxRepository, jest.Mock>> = {}) {
  const uow = strictMock<UnitOfWork>({ run: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) });
  const clock = strictMock<Clock>({ now: jest.fn(() => new Date('2026-03-20T10:00:00Z')) });
  const ids = strictMock<Ids>({ uuid: jest.fn(() => '0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e') });
  return new LedgerService(strictMock<LedgerRepository>(ledger), strictMock<OutboxRepository>(outbox), uow, clock, ids);
}

describe('LedgerService.earnPoints (unit, strict mocks)', () => {
  it('replays the stored response when the transaction id was already claimed with the same request', async () => {
    const stored = { transactionId: 't-1', memberId: cmd.memberId, pointsEarned: 125, balance: { available: 125, pending: 0, lifetimeEarned: 125 } };
    const service = build({
      findEarnRate: jest.fn().mockResolvedValue(undefined),
      claimCheckout: jest.fn().mockResolvedValue(false),
      findCheckout: jest.fn().mockResolvedValue({ requestHash: cmd.requestHash, response: stored }),
    });
    await expect(service.earnPoints(tenant, cmd)).resolves.toEqual({ ...stored, replayed: true });
  });

  it('refuses a different request under a claimed transaction id without touching the ledger', async () => {
    const service = build({
      findEarnRate: jest.fn().mockResolvedValue(undefined),
      claimCheckout: jest.fn().mockResolvedValue(false),
      findCheckout: jest.fn().mockResolvedValue({ requestHash: 'other', response: {} }),
    });
    const err = await service.earnPoints(tenant, cmd).catch((e: unknown) => e);
    expect((err as RpcException).getError()).toMatchObject({ code: status.ALREADY_EXISTS });
  });

  it('uses the tenant’s configured rate over the currency default', async () => {
    const insertEntry = jest.fn().mockResolvedValue(undefined);
    const service = build(
      {
        findEarnRate: jest.fn().mockResolvedValue({ points: 2, perAmount: 10_000 }),
        claimCheckout: jest.fn().mockResolvedValue(true),
        insertEntry,
        creditAvailable: jest.fn().mockResolvedValue({ available: 250, pending: 0, lifetimeEarned: 250 }),
        completeCheckout: jest.fn().mockResolvedValue(undefined),
      },
      { enqueueMany: jest.fn().mockResolvedValue([]) },
    );
    const res = await service.earnPoints(tenant, cmd);
    expect(res.pointsEarned).toBe(250);
    expect(insertEntry).toHaveBeenCalledWith(manager, tenant.tenantId, expect.objectContaining({ points: 250, kind: 'earn' }));
  });

  it('rejects another currency before opening a transaction', async () => {
    const service = build({});
    const err = await service.earnPoints(tenant, { ...cmd, currency: 'USD' }).catch((e: unknown) => e);
    expect((err as RpcException).getError()).toMatchObject({ code: status.INVALID_ARGUMENT });
  });
});
