import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import pino from 'pino';
import { rewardInputSchema, type TenantContext } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { CAMPAIGNS_MIGRATIONS } from '../src/migrations';
import type { CaptureOutcome, PointsClient } from '../src/repositories/points.client';
import { RewardRepository } from '../src/repositories/reward.repository';
import { RewardSweepService } from '../src/services/reward-sweep.service';
import { RewardsService } from '../src/services/rewards.service';

const codeOf = (e: unknown) => (e instanceof RpcException ? (e.getError() as { code: number }).code : undefined);
const rejection = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

/** A clock the test moves (the sweep judges ages by it). */
class TestClock extends Clock {
  at: Date | null = null;
  override now(): Date {
    return this.at === null ? new Date() : new Date(this.at);
  }
}

const TIMEOUT_MS = 60_000;

describe('rewards (real PostgreSQL)', () => {
  let db: TestDatabase;
  let rewards: RewardsService;
  const clock = new TestClock();

  beforeAll(async () => {
    db = await createTestDatabase('campaigns', CAMPAIGNS_MIGRATIONS);
    const uow = new UnitOfWork(db.dataSource, new OutboxRelay(db.dataSource, testKafka(), pino({ level: 'silent' })));
    rewards = new RewardsService(new RewardRepository(db.dataSource), new OutboxRepository(), uow, clock, new Ids());
  });

  afterAll(async () => {
    await db.drop();
  });

  afterEach(() => {
    clock.at = null;
  });

  const reward = (over: object = {}) => rewardInputSchema.parse({ code: `R-${randomUUID().slice(0, 8)}`, name: { fa: 'بلیت سینما', en: 'Cinema ticket' }, pointsPrice: 500, ...over });
  const reserve = (tenant: TenantContext, rewardId: string, memberId: string, redemptionId: string = randomUUID()) => rewards.reserve(tenant, { redemptionId, rewardId, memberId });
  const redeemedEvents = async (tenant: TenantContext) =>
    (await db.dataSource.query<{ value: string }[]>(`SELECT value FROM outbox WHERE tenant_id = $1 AND topic = 'campaigns.reward.redeemed.v1'`, [tenant.tenantId])).map(
      (r) => (JSON.parse(r.value) as { data: Record<string, unknown> }).data,
    );

  it('keeps a catalogue: Persian/English names, update (version + 1), keyset listing, availability, unique codes, windows checked', async () => {
    const tenant = testTenant();
    const created = await rewards.createReward(tenant, reward({ code: 'CINEMA', stock: 3, perMemberLimit: 1, description: { fa: 'یک بلیت' } }), 'Sara');
    expect(created).toMatchObject({ code: 'CINEMA', name: { fa: 'بلیت سینما', en: 'Cinema ticket' }, pointsPrice: 500, stock: 3, reserved: 0, redeemed: 0, status: 'active', available: true, version: 1 });
    expect(await rewards.getReward(tenant, created.id)).toEqual(created);

    const saved = await rewards.saveReward(tenant, created.id, reward({ code: 'CINEMA', name: { fa: 'بلیت سینما ۲' }, pointsPrice: 600, stock: 0 }), 'Ali');
    expect(saved).toMatchObject({ name: { fa: 'بلیت سینما ۲' }, pointsPrice: 600, stock: 0, available: false, version: 2 });

    await rewards.createReward(tenant, reward({ code: 'AAA' }), 'Sara');
    await rewards.createReward(tenant, reward({ code: 'ZZZ', status: 'archived' }), 'Sara');
    await rewards.createReward(tenant, reward({ code: 'LATER', validFrom: new Date(Date.now() + 86_400_000).toISOString() }), 'Sara');
    const first = await rewards.listRewards(tenant, { status: null, available: false, cursor: null, limit: 2 });
    expect(first.items.map((r) => r.code)).toEqual(['AAA', 'CINEMA']);
    const second = await rewards.listRewards(tenant, { status: null, available: false, cursor: first.nextCursor, limit: 2 });
    expect(second.items.map((r) => r.code)).toEqual(['LATER', 'ZZZ']);
    expect((await rewards.listRewards(tenant, { status: 'archived', available: false, cursor: null, limit: 10 })).items.map((r) => r.code)).toEqual(['ZZZ']);
    expect((await rewards.listRewards(tenant, { status: null, available: true, cursor: null, limit: 10 })).items.map((r) => r.code)).toEqual(['AAA']);

    expect(codeOf(await rejection(rewards.createReward(tenant, reward({ code: 'AAA' }), 'x')))).toBe(status.ALREADY_EXISTS);
    expect(codeOf(await rejection(rewards.saveReward(tenant, created.id, reward({ code: 'AAA' }), 'x')))).toBe(status.ALREADY_EXISTS);
    expect(codeOf(await rejection(rewards.createReward(tenant, reward({ validFrom: '2026-03-02T00:00:00Z', validUntil: '2026-03-01T00:00:00Z' }), 'x')))).toBe(status.INVALID_ARGUMENT);
    expect(codeOf(await rejection(rewards.getReward(tenant, randomUUID())))).toBe(status.NOT_FOUND);
    expect(codeOf(await rejection(rewards.saveReward(tenant, randomUUID(), reward(), 'x')))).toBe(status.NOT_FOUND);
  });

  it('never oversells: 20 concurrent reservations against a stock of 5 reserve exactly 5', async () => {
    const tenant = testTenant();
    const r = await rewards.createReward(tenant, reward({ stock: 5 }), 'x');
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => reserve(tenant, r.id, randomUUID())));
    const ok = results.filter((x) => x.status === 'fulfilled');
    expect(ok).toHaveLength(5);
    expect(results.filter((x) => x.status === 'rejected').every((x) => codeOf(x.reason) === status.FAILED_PRECONDITION)).toBe(true);
    expect(await rewards.getReward(tenant, r.id)).toMatchObject({ stock: 0, reserved: 5, redeemed: 0, available: false });
  });

  it('is idempotent per redemption id: replays, concurrent duplicates and repeated steps count once and emit one event', async () => {
    const tenant = testTenant();
    const r = await rewards.createReward(tenant, reward({ stock: 10 }), 'x');
    const member = randomUUID();
    const id = `app-${randomUUID()}`;
    const concurrent = await Promise.all(Array.from({ length: 8 }, () => reserve(tenant, r.id, member, id)));
    expect(concurrent.filter((s) => s.created)).toHaveLength(1);
    expect(new Set(concurrent.map((s) => s.redemption.status))).toEqual(new Set(['reserved']));
    expect(await rewards.getReward(tenant, r.id)).toMatchObject({ stock: 9, reserved: 1 });
    expect(codeOf(await rejection(reserve(tenant, r.id, randomUUID(), id)))).toBe(status.ALREADY_EXISTS); // another member under the same id

    expect(codeOf(await rejection(rewards.fulfil(tenant, id)))).toBe(status.FAILED_PRECONDITION); // not held yet
    const holdExpiresAt = new Date(Date.now() + 900_000);
    const held = await Promise.all([rewards.markHeld(tenant, id, holdExpiresAt), rewards.markHeld(tenant, id, holdExpiresAt)]);
    expect(held.map((s) => s.redemption.status)).toEqual(['held', 'held']);
    expect(held[0].redemption.holdExpiresAt).toBe(holdExpiresAt.toISOString());
    const done = await Promise.all([rewards.fulfil(tenant, id), rewards.fulfil(tenant, id), rewards.fulfil(tenant, id)]);
    expect(done.map((s) => s.redemption.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(await reserve(tenant, r.id, member, id)).toMatchObject({ created: false, redemption: { status: 'fulfilled', points: 500, pointsRedemptionId: `reward:${id}` } });
    expect(codeOf(await rejection(rewards.release(tenant, id, 'hold-ended', null)))).toBe(status.FAILED_PRECONDITION); // fulfilled is final

    expect(await rewards.getReward(tenant, r.id)).toMatchObject({ stock: 9, reserved: 0, redeemed: 1 });
    const events = await redeemedEvents(tenant);
    expect(events).toEqual([expect.objectContaining({ redemptionId: id, rewardId: r.id, rewardCode: r.code, memberId: member, points: 500, pointsRedemptionId: `reward:${id}` })]);
    expect((await rewards.listRedemptions(tenant, { memberId: member, cursor: null, limit: 10 })).items).toEqual([expect.objectContaining({ redemptionId: id, status: 'fulfilled' })]);
  });

  it('keeps the per-member limit under concurrency; a released redemption frees its place', async () => {
    const tenant = testTenant();
    const r = await rewards.createReward(tenant, reward({ perMemberLimit: 2 }), 'x');
    const member = randomUUID();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => reserve(tenant, r.id, member)));
    const ok = results.flatMap((x) => (x.status === 'fulfilled' ? [x.value] : []));
    expect(ok).toHaveLength(2);
    expect(results.filter((x) => x.status === 'rejected').map((x) => codeOf(x.reason))).toEqual(Array(4).fill(status.FAILED_PRECONDITION));
    expect((await reserve(tenant, r.id, randomUUID())).created).toBe(true); // another member is not limited by this one

    await rewards.release(tenant, ok[0].redemption.redemptionId, 'points-refused', null);
    expect((await reserve(tenant, r.id, member)).created).toBe(true);
    expect(codeOf(await rejection(reserve(tenant, r.id, member)))).toBe(status.FAILED_PRECONDITION);
  });

  it('a release gives the unit back once and keeps the refusal for replays', async () => {
    const tenant = testTenant();
    const r = await rewards.createReward(tenant, reward({ stock: 1 }), 'x');
    const member = randomUUID();
    const first = await reserve(tenant, r.id, member, 'poor-1');
    expect(await rewards.getReward(tenant, r.id)).toMatchObject({ stock: 0, reserved: 1, available: false });
    expect(codeOf(await rejection(reserve(tenant, r.id, randomUUID())))).toBe(status.FAILED_PRECONDITION); // out of stock

    const failure = { grpcCode: status.FAILED_PRECONDITION, detail: 'not enough points: 120 short', errors: [{ pointer: '#/points', detail: '120 points short' }] };
    const released = await rewards.release(tenant, first.redemption.redemptionId, 'points-refused', failure);
    expect(released).toMatchObject({ redemption: { status: 'released', releaseReason: 'points-refused' }, failure });
    expect(await rewards.release(tenant, 'poor-1', 'points-refused', null)).toMatchObject({ redemption: { status: 'released' }, failure }); // again: nothing more
    expect(await rewards.getReward(tenant, r.id)).toMatchObject({ stock: 1, reserved: 0, available: true });
    // The same id again answers the released redemption (the refusal), it does not reserve again.
    expect(await reserve(tenant, r.id, member, 'poor-1')).toMatchObject({ created: false, redemption: { status: 'released' }, failure });
    expect(await rewards.markHeld(tenant, 'poor-1', null)).toMatchObject({ redemption: { status: 'released' } });
    expect(await rewards.getReward(tenant, r.id)).toMatchObject({ stock: 1, reserved: 0 });
  });

  it('refuses archived rewards, rewards outside their window and unknown rewards, recording nothing', async () => {
    const tenant = testTenant();
    const archived = await rewards.createReward(tenant, reward({ status: 'archived' }), 'x');
    const later = await rewards.createReward(tenant, reward({ validFrom: new Date(Date.now() + 3_600_000).toISOString() }), 'x');
    const over = await rewards.createReward(tenant, reward({ validUntil: new Date(Date.now() - 1000).toISOString() }), 'x');
    for (const id of [archived.id, later.id, over.id]) expect(codeOf(await rejection(reserve(tenant, id, randomUUID(), 'same-id')))).toBe(status.FAILED_PRECONDITION);
    expect(codeOf(await rejection(reserve(tenant, randomUUID(), randomUUID(), 'same-id')))).toBe(status.NOT_FOUND);
    expect((await reserve(tenant, (await rewards.createReward(tenant, reward(), 'x')).id, randomUUID(), 'same-id')).created).toBe(true); // nothing recorded before
  });

  it('sweeps what the gateway left behind: stale reservations back to stock; stale holds settled with points', async () => {
    const tenant = testTenant();
    const r = await rewards.createReward(tenant, reward({ stock: 10 }), 'x');
    const past = new Date(Date.now() - 86_400_000); // a day ago: no other test's rows are that old
    clock.at = past;
    const abandoned = await reserve(tenant, r.id, randomUUID(), 'abandoned');
    const captured = await reserve(tenant, r.id, randomUUID(), 'captured-then-crashed');
    const expired = await reserve(tenant, r.id, randomUUID(), 'hold-expired');
    const unanswered = await reserve(tenant, r.id, randomUUID(), 'points-down');
    for (const s of [captured, expired, unanswered]) await rewards.markHeld(tenant, s.redemption.redemptionId, new Date(past.getTime() + 900_000));
    clock.at = new Date(past.getTime() + TIMEOUT_MS - 1000);
    const fresh = await reserve(tenant, r.id, randomUUID(), 'fresh');
    expect(await rewards.getReward(tenant, r.id)).toMatchObject({ stock: 5, reserved: 5 });

    const asked: string[] = [];
    const outcomes: Record<string, CaptureOutcome | Error> = {
      'reward:captured-then-crashed': 'captured',
      'reward:hold-expired': 'not-captured',
      'reward:points-down': new Error('UNAVAILABLE'),
    };
    const points = {
      configured: true,
      capture: jest.fn((t: TenantContext, id: string) => {
        asked.push(id);
        expect(t).toEqual(tenant); // the reserving call's tenant metadata, replayed
        const o = outcomes[id];
        return o instanceof Error ? Promise.reject(o) : Promise.resolve(o);
      }),
    } as unknown as PointsClient;
    const sweeper = new RewardSweepService(rewards, points, clock, { REWARDS_SWEEP_INTERVAL_MS: 0, REWARDS_RESERVATION_TIMEOUT_MS: TIMEOUT_MS }, pino({ level: 'silent' }));
    clock.at = new Date(past.getTime() + TIMEOUT_MS + 1000);
    expect(await sweeper.sweep()).toEqual({ released: 1, fulfilled: 1, holdsEnded: 1, pending: 1 });
    expect(asked.sort()).toEqual(['reward:captured-then-crashed', 'reward:hold-expired', 'reward:points-down']);

    const all = new Map<string, string>();
    for (const s of [abandoned, captured, expired, unanswered, fresh]) {
      const now = await reserve(tenant, r.id, s.redemption.memberId, s.redemption.redemptionId);
      all.set(s.redemption.redemptionId, `${now.redemption.status}/${now.redemption.releaseReason ?? '-'}`);
    }
    expect(Object.fromEntries(all)).toEqual({
      abandoned: 'released/timed-out',
      'captured-then-crashed': 'fulfilled/-',
      'hold-expired': 'released/hold-ended',
      'points-down': 'held/-', // asked again on the next sweep
      fresh: 'reserved/-', // younger than the timeout
    });
    expect(await rewards.getReward(tenant, r.id)).toMatchObject({ stock: 7, reserved: 2, redeemed: 1 });
    expect((await redeemedEvents(tenant)).map((e) => e.redemptionId)).toEqual(['captured-then-crashed']);

    // The gateway coming back late for the abandoned one finds it released and cannot mark it held.
    expect(await rewards.markHeld(tenant, 'abandoned', new Date())).toMatchObject({ redemption: { status: 'released', releaseReason: 'timed-out' } });
    expect(await sweeper.sweep()).toMatchObject({ released: 0, pending: 1 });

    // Without a points client, holds are left to the client's retry; reservations are still released.
    clock.at = new Date(Date.now() + TIMEOUT_MS * 2); // now everything in flight in this database is stale
    const unconfigured = new RewardSweepService(rewards, { configured: false } as unknown as PointsClient, clock, { REWARDS_SWEEP_INTERVAL_MS: 0, REWARDS_RESERVATION_TIMEOUT_MS: TIMEOUT_MS }, pino({ level: 'silent' }));
    expect((await unconfigured.sweep()).pending).toBe(0);
    expect(await reserve(tenant, r.id, fresh.redemption.memberId, 'fresh')).toMatchObject({ redemption: { status: 'released', releaseReason: 'timed-out' } });
    expect(await reserve(tenant, r.id, unanswered.redemption.memberId, 'points-down')).toMatchObject({ redemption: { status: 'held' } });
  });

  it('isolates tenants: another club sees none of the catalogue or the redemptions', async () => {
    const tenant = testTenant();
    const other = testTenant();
    const r = await rewards.createReward(tenant, reward({ code: 'SHARED-CODE', stock: 2 }), 'x');
    const member = randomUUID();
    await reserve(tenant, r.id, member, 'mine');

    expect(codeOf(await rejection(rewards.getReward(other, r.id)))).toBe(status.NOT_FOUND);
    expect(codeOf(await rejection(rewards.saveReward(other, r.id, reward(), 'x')))).toBe(status.NOT_FOUND);
    expect((await rewards.listRewards(other, { status: null, available: false, cursor: null, limit: 50 })).items).toEqual([]);
    expect(codeOf(await rejection(reserve(other, r.id, member)))).toBe(status.NOT_FOUND);
    expect((await rewards.listRedemptions(other, { memberId: member, cursor: null, limit: 50 })).items).toEqual([]);
    for (const call of [rewards.markHeld(other, 'mine', null), rewards.fulfil(other, 'mine'), rewards.release(other, 'mine', 'hold-ended', null)]) {
      expect(codeOf(await rejection(call))).toBe(status.NOT_FOUND);
    }
    // Codes and redemption ids are per club: the other club may use the same ones.
    const theirs = await rewards.createReward(other, reward({ code: 'SHARED-CODE' }), 'x');
    expect((await reserve(other, theirs.id, member, 'mine')).created).toBe(true);
    expect(await rewards.getReward(tenant, r.id)).toMatchObject({ stock: 1, reserved: 1 });
  });
});
