import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { EventEnvelope } from '@club/contracts';
import type { OutboxRepository } from '@club/platform-kafka';
import type { Clock, UnitOfWork } from '@club/platform-nest';
import type { GamificationRepository } from '../repositories/gamification.repository';
import { GamificationService } from './gamification.service';

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

const manager = {} as EntityManager;
const tenantId = '7f8a7a52-3d4c-4b55-9c35-1d6c0c7e0a11';
const memberId = '2b1c3d4e-5f60-4172-8394-a5b6c7d8e9f0';
const event: EventEnvelope<'points.checkout.recorded.v1'> = {
  id: '0e0e0e0e-0e0e-4e0e-8e0e-000000000001',
  type: 'points.checkout.recorded.v1',
  tenantId,
  subject: memberId,
  time: '2026-03-20T10:00:00.000Z',
  traceparent: null,
  data: { memberId, transactionId: 't-1', storeId: 's', amount: 10, currency: 'IRR', pointsEarned: 0, itemCount: 1, recordedAt: '2026-03-20T10:00:00.000Z', categories: [], campaignPoints: 0, campaignEffects: [], couponCodes: [] },
};

function build(repo: Partial<Record<keyof GamificationRepository, jest.Mock>>, outbox: Partial<Record<keyof OutboxRepository, jest.Mock>> = {}) {
  const logger = strictMock<Logger>({ warn: jest.fn() });
  return new GamificationService(strictMock<GamificationRepository>(repo), strictMock<OutboxRepository>(outbox), strictMock<UnitOfWork>({}), strictMock<Clock>({}), logger);
}

describe('GamificationService.recordCheckout (unit, strict mocks)', () => {
  it('does nothing more than one lookup for a club that never defined anything', async () => {
    const findTenant = jest.fn().mockResolvedValue(undefined);
    await build({ findTenant }).recordCheckout(event, manager);
    expect(findTenant).toHaveBeenCalledWith(manager, tenantId);
  });

  it('stops at the claim when the transaction was counted before (another event for the same checkout)', async () => {
    const claimCheckout = jest.fn().mockResolvedValue(false);
    await build({ findTenant: jest.fn().mockResolvedValue({ timezone: 'Asia/Tehran', calendar: 'jalali' }), claimCheckout }).recordCheckout(event, manager);
    expect(claimCheckout).toHaveBeenCalledWith(manager, tenantId, { transactionId: 't-1', memberId, recordedAt: new Date('2026-03-20T10:00:00.000Z') });
  });

  it('skips a once challenge the member already completed, without touching its progress', async () => {
    const lockProgress = jest.fn().mockResolvedValue([]);
    const saveProgress = jest.fn().mockResolvedValue(undefined);
    const enqueueMany = jest.fn().mockResolvedValue([]);
    const once = {
      code: 'once',
      name: { fa: 'x', en: 'x' },
      description: null,
      goal: { kind: 'purchase-count', target: 2, minAmount: 0 },
      period: 'month',
      calendar: 'jalali',
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: null,
      repeat: 'once',
      badgeCode: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await build(
      {
        findTenant: jest.fn().mockResolvedValue({ timezone: 'Asia/Tehran', calendar: 'jalali' }),
        claimCheckout: jest.fn().mockResolvedValue(true),
        challengesAt: jest.fn().mockResolvedValue([once]),
        completedChallenges: jest.fn().mockResolvedValue(new Map([['once', { count: 1, last: new Date() }]])),
        lockProgress,
        saveProgress,
        listStreaks: jest.fn().mockResolvedValue([]),
        existingBadges: jest.fn().mockResolvedValue(new Set()),
      },
      { enqueueMany },
    ).recordCheckout(event, manager);
    expect(lockProgress).toHaveBeenCalledWith(manager, tenantId, memberId, []);
    expect(saveProgress).toHaveBeenCalledWith(manager, tenantId, memberId, []);
    expect(enqueueMany).toHaveBeenCalledWith(manager, []);
  });
});
