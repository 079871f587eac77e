import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { OutboxRepository } from '@club/platform-kafka';
import type { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import type { TenantContext } from '@club/contracts';
import type { LedgerRepository, LedgerWrite, LockedAccount } from '../repositories/ledger.repository';
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
const NOW = new Date('2026-03-20T10:00:00Z');
const memberId = '2b1c3d4e-5f60-4172-8394-a5b6c7d8e9f0';
const cmd = {
  transactionId: 't-1',
  storeId: 's-1',
  memberId,
  amount: 1_250_000,
  currency: 'IRR',
  requestHash: 'h'.repeat(64),
};

const ZERO = { available: 0, pending: 0, held: 0, lifetimeEarned: 0, spent: 0, expired: 0 };
const locked = (over: Partial<LockedAccount> = {}): LockedAccount => ({ balances: ZERO, debt: 0, policy: null, earnRate: null, ...over });

type Repo = Partial<Record<keyof LedgerRepository, jest.Mock>>;

function build(ledger: Repo, outbox: Partial<Record<keyof OutboxRepository, jest.Mock>> = {}) {
  const uow = strictMock<UnitOfWork>({ run: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) });
  const clock = strictMock<Clock>({ now: jest.fn(() => NOW) });
  let n = 0;
  const ids = strictMock<Ids>({ uuid: jest.fn(() => `0e0e0e0e-0e0e-4e0e-8e0e-${String(++n).padStart(12, '0')}`) });
  return new LedgerService(strictMock<LedgerRepository>(ledger), strictMock<OutboxRepository>(outbox), uow, clock, ids);
}

const codeOf = (err: unknown) => (err as RpcException).getError() as { code: number; message: string };

describe('LedgerService.earnPoints (unit, strict mocks)', () => {
  it('credits a plain checkout without loading lots: one entry, a lot, the checkout, the outcome and two events in one write', async () => {
    const applyChanges = jest.fn().mockResolvedValue(undefined);
    const lockAccount = jest.fn().mockResolvedValue(locked({ earnRate: { points: 2, perAmount: 10_000 }, policy: { earnRounding: 'floor' } }));
    const prepareInsert = jest.fn((events: readonly { topic: string }[]) => ({ envelopes: events, sql: () => '' }));
    const service = build({ lockAccount, applyChanges }, { prepareInsert });
    const res = await service.earnPoints(tenant, cmd);
    expect(res).toEqual({
      transactionId: 't-1',
      memberId,
      pointsEarned: 250,
      basePoints: 250,
      campaignPoints: 0,
      pointsRedeemed: 0,
      pending: false,
      activatesAt: '',
      balance: { ...ZERO, available: 250, lifetimeEarned: 250 },
      replayed: false,
    });
    const w = applyChanges.mock.calls[0][3] as LedgerWrite;
    expect(w.entries).toEqual([expect.objectContaining({ kind: 'earn', points: 250, from: 'outside', to: 'available', lotId: 'lot:t-1', operation: 'earn:t-1' })]);
    expect(w.newLots).toEqual([expect.objectContaining({ id: 'lot:t-1', points: 250, remaining: 250, status: 'active', transactionId: 't-1' })]);
    expect(w.newCheckouts).toEqual([expect.objectContaining({ transactionId: 't-1', lines: [{ sku: '*', quantity: 1, unitPrice: 1_250_000, pointsEarned: 250, pointsRedeemed: 0 }] })]);
    expect(w.balanceDelta).toEqual({ ...ZERO, available: 250, lifetimeEarned: 250 });
    expect(w.operation).toMatchObject({ key: 'earn:t-1', result: { ok: true, response: { pointsEarned: 250 } } });
    expect(lockAccount).toHaveBeenCalledWith(manager, tenant.tenantId, memberId, 'earn:t-1');
    // The events are written by the same statement as the rest.
    expect(w.events).toBe(prepareInsert.mock.results[0].value);
    expect(prepareInsert.mock.calls[0][0].map((e) => e.topic)).toEqual(['points.ledger-entry.created.v1', 'points.checkout.recorded.v1']);
  });

  it('replays the stored response for the same request, and refuses another request under the same id, without writing', async () => {
    const applyChanges = jest.fn().mockResolvedValue(undefined);
    const first = build({ lockAccount: jest.fn().mockResolvedValue(locked()), applyChanges }, { prepareInsert: jest.fn(() => ({ envelopes: [], sql: () => '' })) });
    await first.earnPoints(tenant, cmd);
    const { payloadHash, result } = (applyChanges.mock.calls[0][3] as LedgerWrite).operation;
    const stored = { memberId, payloadHash, result };
    const again = build({ lockAccount: jest.fn().mockResolvedValue(locked({ operation: stored })) });
    await expect(again.earnPoints(tenant, cmd)).resolves.toMatchObject({ pointsEarned: 125, replayed: true });
    const err = await again.earnPoints(tenant, { ...cmd, amount: 2_000_000 }).catch((e: unknown) => e);
    expect(codeOf(err).code).toBe(status.ALREADY_EXISTS);
  });

  it('replays a checkout recorded before issue 4 by its till request hash', async () => {
    const stored = { memberId, payloadHash: `request:${cmd.requestHash}`, result: { ok: true as const, response: { transactionId: 't-1', pointsEarned: 125 } } };
    const service = build({ lockAccount: jest.fn().mockResolvedValue(locked({ operation: stored })) });
    await expect(service.earnPoints(tenant, cmd)).resolves.toEqual({ transactionId: 't-1', pointsEarned: 125, replayed: true });
  });

  it('spends redeemPoints first; not enough points records the rejection (nothing earned) and answers FAILED_PRECONDITION with the shortfall', async () => {
    const loadLots = jest.fn().mockResolvedValue([
      { id: 'lot:old', points: 40, remaining: 40, status: 'active', activatesAt: NOW, expiresAt: null, earnedAt: new Date('2026-01-01T00:00:00Z') },
    ]);
    const insertOperation = jest.fn().mockResolvedValue(undefined);
    const service = build({
      lockAccount: jest.fn().mockResolvedValue(locked({ balances: { ...ZERO, available: 40, lifetimeEarned: 40 } })),
      loadLots,
      insertOperation,
    });
    const err = await service.earnPoints(tenant, { ...cmd, redeemPoints: 50 }).catch((e: unknown) => e);
    expect(codeOf(err)).toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(JSON.parse(codeOf(err).message)).toEqual({ detail: 'not enough points: 10 short', errors: [{ pointer: '#/redeemPoints', detail: '10 points short' }] });
    expect(loadLots).toHaveBeenCalledWith(manager, tenant.tenantId, memberId, [], { at: NOW, need: 50 });
    expect(insertOperation).toHaveBeenCalledWith(manager, tenant.tenantId, memberId, NOW, expect.objectContaining({ key: 'earn:t-1', result: { ok: false, error: { code: 'insufficient-points', shortfall: 10 } } }));
  });

  it('refuses a malformed checkout the model rejects without recording it', async () => {
    const service = build({ lockAccount: jest.fn().mockResolvedValue(locked()) });
    const err = await service.earnPoints(tenant, { ...cmd, items: [{ sku: 'A', quantity: 2, unitPrice: Number.MAX_SAFE_INTEGER }] }).catch((e: unknown) => e);
    expect(codeOf(err).code).toBe(status.INVALID_ARGUMENT);
  });

  it('rejects another currency before opening a transaction', async () => {
    const service = build({});
    const err = await service.earnPoints(tenant, { ...cmd, currency: 'USD' }).catch((e: unknown) => e);
    expect(codeOf(err).code).toBe(status.INVALID_ARGUMENT);
  });

  it('runs again when a concurrent first writer of the same id wins, answering what it recorded', async () => {
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    const lockAccount = jest
      .fn()
      .mockResolvedValueOnce(locked())
      .mockResolvedValueOnce(locked({ operation: { memberId: 'another', payloadHash: 'x', result: { ok: true, response: {} } } }));
    const service = build({
      lockAccount,
      findRedemption: jest.fn().mockResolvedValue(undefined),
      loadLots: jest.fn().mockResolvedValue([]),
      insertOperation: jest.fn().mockRejectedValue(unique),
    });
    const err = await service.redeemPoints(tenant, { memberId, redemptionId: 'r-1', points: 10, hold: false }).catch((e: unknown) => e);
    expect(codeOf(err).code).toBe(status.ALREADY_EXISTS);
    expect(lockAccount).toHaveBeenCalledTimes(2);
  });
});

describe('LedgerService redemptions and returns (unit, strict mocks)', () => {
  it('answers NOT_FOUND for a capture of a redemption nobody made, without locking an account', async () => {
    const service = build({ findRedemption: jest.fn().mockResolvedValue(undefined), findOperationMember: jest.fn().mockResolvedValue(undefined) });
    const err = await service.captureRedemption(tenant, 'nope').catch((e: unknown) => e);
    expect(codeOf(err).code).toBe(status.NOT_FOUND);
  });

  it('reserves the checkout: prefix for the redemptions checkouts make', async () => {
    const err = await build({})
      .redeemPoints(tenant, { memberId, redemptionId: 'checkout:t-1', points: 1, hold: false })
      .catch((e: unknown) => e);
    expect(codeOf(err).code).toBe(status.INVALID_ARGUMENT);
  });

  it('answers NOT_FOUND for a return against an unknown checkout', async () => {
    const service = build({ findCheckout: jest.fn().mockResolvedValue(undefined), findOperationMember: jest.fn().mockResolvedValue(undefined) });
    const err = await service.recordReturn(tenant, { transactionId: 'nope', returnId: 'ret-1', amount: 10 }).catch((e: unknown) => e);
    expect(codeOf(err).code).toBe(status.NOT_FOUND);
  });

  it('refuses a return with both items and an amount, or neither', async () => {
    const service = build({});
    for (const bad of [{ items: [{ sku: 'A', quantity: 1 }], amount: 5 }, {}]) {
      const err = await service.recordReturn(tenant, { transactionId: 't', returnId: 'r', ...bad }).catch((e: unknown) => e);
      expect(codeOf(err).code).toBe(status.INVALID_ARGUMENT);
    }
  });
});
