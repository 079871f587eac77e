import { status } from '@grpc/grpc-js';
import type { RewardRedemptionStep, RewardRedemptionView, TenantContext } from '@club/contracts';
import { ProblemException } from '../http/problem';
import type { RewardsRpc, ServiceClients } from '../repositories/service-clients';
import { RewardsService } from './rewards.service';

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
const memberId = '2b1c3d4e-5f60-4172-8394-a5b6c7d8e9f0';
const rewardId = '0e0e0e0e-0e0e-4e0e-8e0e-000000000001';
const balance = { available: 700, pending: 0, held: 0, lifetimeEarned: 1200, spent: 500, expired: 0 };

const view = (over: Partial<RewardRedemptionView> = {}): RewardRedemptionView => ({
  redemptionId: 'app-1',
  rewardId,
  rewardCode: 'CINEMA',
  rewardName: { fa: 'بلیت سینما' },
  memberId,
  points: 500,
  status: 'reserved',
  releaseReason: null,
  pointsRedemptionId: 'reward:app-1',
  holdExpiresAt: null,
  createdAt: '2026-03-20T10:00:00.000Z',
  heldAt: null,
  fulfilledAt: null,
  releasedAt: null,
  ...over,
});
const step = (over: Partial<RewardRedemptionView> = {}, extra: Partial<RewardRedemptionStep> = {}): RewardRedemptionStep => ({ redemption: view(over), created: false, failure: null, ...extra });
const held = (over: Partial<RewardRedemptionView> = {}) => step({ status: 'held', heldAt: '2026-03-20T10:00:00.100Z', holdExpiresAt: '2026-03-20T10:15:00.000Z', ...over });
const fulfilled = () => held({ status: 'fulfilled', fulfilledAt: '2026-03-20T10:00:00.200Z' });
const grpcError = (code: status, detail: string, errors?: object[]) => Object.assign(new Error(detail), { code, details: JSON.stringify({ detail, ...(errors ? { errors } : {}) }), metadata: {} });
const pointsAnswer = (st: string) => ({ redemptionId: 'reward:app-1', memberId, status: st, points: 500, balance, holdExpiresAt: st === 'held' ? '2026-03-20T10:15:00.000Z' : '', replayed: false });

/** The campaigns RPCs answer from a script per method; every call is recorded in order. */
function build(script: Partial<Record<RewardsRpc, (doc: Record<string, unknown>) => RewardRedemptionStep>>, points: { redeem?: jest.Mock; redemptionAction?: jest.Mock } = {}) {
  const calls: string[] = [];
  const rewardsJson = jest.fn((_t: TenantContext, method: RewardsRpc, req: { json: string }) => {
    const doc = JSON.parse(req.json) as Record<string, unknown>;
    calls.push(method);
    const answer = script[method];
    if (!answer) throw new Error(`unexpected ${method}`);
    return Promise.resolve({ json: JSON.stringify(answer(doc)) });
  });
  const wrap = (name: string, m: jest.Mock | undefined) =>
    m &&
    jest.fn((...args: unknown[]) => {
      calls.push(name === 'redemptionAction' ? String(args[1]) : 'Redeem');
      return m(...args) as unknown;
    });
  const services = strictMock<ServiceClients>({
    getMember: jest.fn().mockResolvedValue({ id: memberId }),
    rewardsJson,
    ...(points.redeem ? { redeem: wrap('redeem', points.redeem) } : {}),
    ...(points.redemptionAction ? { redemptionAction: wrap('redemptionAction', points.redemptionAction) } : {}),
  });
  return { service: new RewardsService(services), calls, rewardsJson };
}

const problemOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProblemException);
  return (err as ProblemException).problem;
};

describe('RewardsService.redeem (unit, strict mocks)', () => {
  it('reserves, holds, marks held, captures and fulfils — in that order — and answers 201 with the balance', async () => {
    const redeem = jest.fn().mockResolvedValue(pointsAnswer('held'));
    const redemptionAction = jest.fn().mockResolvedValue(pointsAnswer('captured'));
    const { service, calls, rewardsJson } = build(
      {
        ReserveReward: () => step({}, { created: true }),
        MarkRewardRedemptionHeld: (d) => {
          expect(d).toEqual({ redemptionId: 'app-1', holdExpiresAt: '2026-03-20T10:15:00.000Z' });
          return held();
        },
        FulfilRewardRedemption: () => fulfilled(),
      },
      { redeem, redemptionAction },
    );
    const { result, replayed } = await service.redeem(tenant, memberId, { rewardId, redemptionId: 'app-1' });
    expect(replayed).toBe(false);
    expect(result).toMatchObject({ redemptionId: 'app-1', status: 'fulfilled', points: 500, balance });
    expect(calls).toEqual(['ReserveReward', 'Redeem', 'MarkRewardRedemptionHeld', 'CaptureRedemption', 'FulfilRewardRedemption']);
    expect(redeem).toHaveBeenCalledWith(tenant, { memberId, redemptionId: 'reward:app-1', points: 500, reason: 'reward CINEMA', hold: true });
    expect(redemptionAction).toHaveBeenCalledWith(tenant, 'CaptureRedemption', 'reward:app-1');
    expect(JSON.parse((rewardsJson.mock.calls[0] as [unknown, unknown, { json: string }])[2].json)).toEqual({ redemptionId: 'app-1', rewardId, memberId });
  });

  it('not enough points: releases the unit with the refusal and answers 422 insufficient-points, capturing nothing', async () => {
    const refusal = grpcError(status.FAILED_PRECONDITION, 'not enough points: 120 short', [{ pointer: '#/points', detail: '120 points short' }]);
    const { service, calls } = build(
      {
        ReserveReward: () => step({}, { created: true }),
        ReleaseRewardRedemption: (d) => {
          expect(d).toEqual({ redemptionId: 'app-1', reason: 'points-refused', failure: { grpcCode: status.FAILED_PRECONDITION, detail: 'not enough points: 120 short', errors: [{ pointer: '#/points', detail: '120 points short' }] } });
          return step({ status: 'released', releaseReason: 'points-refused' }, { failure: d.failure as RewardRedemptionStep['failure'] });
        },
      },
      { redeem: jest.fn().mockRejectedValue(refusal) },
    );
    const p = await problemOf(service.redeem(tenant, memberId, { rewardId, redemptionId: 'app-1' }));
    expect(p).toMatchObject({ status: 422, type: expect.stringContaining('insufficient-points'), errors: [{ pointer: '#/rewardId', detail: 'not enough points: 120 short' }] });
    expect(calls).toEqual(['ReserveReward', 'Redeem', 'ReleaseRewardRedemption']);
  });

  it('a retry of a refused redemption answers the same 422 without asking points again', async () => {
    const failure = { grpcCode: status.FAILED_PRECONDITION, detail: 'not enough points: 120 short' };
    const { service, calls } = build({ ReserveReward: () => step({ status: 'released', releaseReason: 'points-refused' }, { failure }) });
    expect(await problemOf(service.redeem(tenant, memberId, { rewardId, redemptionId: 'app-1' }))).toMatchObject({ status: 422 });
    expect(calls).toEqual(['ReserveReward']);
  });

  it('a retry of a fulfilled redemption answers 200 with the first capture’s balance (points replays it)', async () => {
    const redemptionAction = jest.fn().mockResolvedValue({ ...pointsAnswer('captured'), replayed: true });
    const { service, calls } = build({ ReserveReward: () => fulfilled() }, { redemptionAction });
    const { result, replayed } = await service.redeem(tenant, memberId, { rewardId, redemptionId: 'app-1' });
    expect(replayed).toBe(true);
    expect(result).toMatchObject({ status: 'fulfilled', balance });
    expect(calls).toEqual(['ReserveReward', 'CaptureRedemption']);
  });

  it('resumes a redemption left held (the gateway stopped before the capture): capture, fulfil, 200', async () => {
    const { service, calls } = build({ ReserveReward: () => held(), FulfilRewardRedemption: () => fulfilled() }, { redemptionAction: jest.fn().mockResolvedValue(pointsAnswer('captured')) });
    expect((await service.redeem(tenant, memberId, { rewardId, redemptionId: 'app-1' })).replayed).toBe(true);
    expect(calls).toEqual(['ReserveReward', 'CaptureRedemption', 'FulfilRewardRedemption']);
  });

  it('resumes a redemption left reserved: the hold is idempotent in points, so it is asked again', async () => {
    const { service, calls } = build(
      { ReserveReward: () => step(), MarkRewardRedemptionHeld: () => held(), FulfilRewardRedemption: () => fulfilled() },
      { redeem: jest.fn().mockResolvedValue({ ...pointsAnswer('held'), replayed: true }), redemptionAction: jest.fn().mockResolvedValue(pointsAnswer('captured')) },
    );
    expect((await service.redeem(tenant, memberId, { rewardId, redemptionId: 'app-1' })).replayed).toBe(true);
    expect(calls).toEqual(['ReserveReward', 'Redeem', 'MarkRewardRedemptionHeld', 'CaptureRedemption', 'FulfilRewardRedemption']);
  });

  it('the sweep released the reservation while the points were being held: the hold is released, nothing captured, 409', async () => {
    const redemptionAction = jest.fn().mockResolvedValue(pointsAnswer('released'));
    const { service, calls } = build(
      { ReserveReward: () => step({}, { created: true }), MarkRewardRedemptionHeld: () => step({ status: 'released', releaseReason: 'timed-out' }) },
      { redeem: jest.fn().mockResolvedValue(pointsAnswer('held')), redemptionAction },
    );
    expect(await problemOf(service.redeem(tenant, memberId, { rewardId, redemptionId: 'app-1' }))).toMatchObject({ status: 409, type: expect.stringContaining('redemption-expired') });
    expect(calls).toEqual(['ReserveReward', 'Redeem', 'MarkRewardRedemptionHeld', 'ReleaseRedemption']);
  });

  it('a timed-out redemption asked again still answers 409 when points does not know the hold (best effort release)', async () => {
    const { service } = build({ ReserveReward: () => step({ status: 'released', releaseReason: 'timed-out' }) }, { redemptionAction: jest.fn().mockRejectedValue(grpcError(status.NOT_FOUND, 'redemption not found')) });
    expect(await problemOf(service.redeem(tenant, memberId, { rewardId, redemptionId: 'app-1' }))).toMatchObject({ status: 409 });
  });

  it('the hold ended before the capture (expired or released in points): the unit is released, 409', async () => {
    const { service, calls } = build(
      {
        ReserveReward: () => held(),
        ReleaseRewardRedemption: (d) => {
          expect(d).toEqual({ redemptionId: 'app-1', reason: 'hold-ended', failure: null });
          return step({ status: 'released', releaseReason: 'hold-ended' });
        },
      },
      { redemptionAction: jest.fn().mockRejectedValue(grpcError(status.FAILED_PRECONDITION, 'the hold has expired')) },
    );
    expect(await problemOf(service.redeem(tenant, memberId, { rewardId, redemptionId: 'app-1' }))).toMatchObject({ status: 409 });
    expect(calls).toEqual(['ReserveReward', 'CaptureRedemption', 'ReleaseRewardRedemption']);
  });

  it('points unavailable: the error goes out (503 to the client) and the reservation stays for the retry', async () => {
    const down = grpcError(status.UNAVAILABLE, 'unavailable');
    const { service, calls } = build({ ReserveReward: () => step({}, { created: true }) }, { redeem: jest.fn().mockRejectedValue(down) });
    await expect(service.redeem(tenant, memberId, { rewardId, redemptionId: 'app-1' })).rejects.toBe(down);
    expect(calls).toEqual(['ReserveReward', 'Redeem']);
  });

  it('an id taken in points by another redemption is a 409 after the unit is released', async () => {
    const { service } = build(
      { ReserveReward: () => step({}, { created: true }), ReleaseRewardRedemption: (d) => step({ status: 'released', releaseReason: 'points-refused' }, { failure: d.failure as RewardRedemptionStep['failure'] }) },
      { redeem: jest.fn().mockRejectedValue(grpcError(status.ALREADY_EXISTS, 'redemption id already used')) },
    );
    expect(await problemOf(service.redeem(tenant, memberId, { rewardId, redemptionId: 'app-1' }))).toMatchObject({ status: 409, type: expect.stringContaining('conflict') });
  });

  it('a malformed member id is a 404 without calling anything', async () => {
    const { service, calls } = build({});
    expect(await problemOf(service.redeem(tenant, 'nope', { rewardId, redemptionId: 'app-1' }))).toMatchObject({ status: 404 });
    expect(calls).toEqual([]);
  });
});
