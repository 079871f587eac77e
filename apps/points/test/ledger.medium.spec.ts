import { status } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import type { TenantContext } from '@club/contracts';
import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { POINTS_MIGRATIONS } from '../src/migrations';
import type { EarnForCheckoutCommand, LedgerService } from '../src/services/ledger.service';
import { accountRow, balancesFromEntries, failure, ledgerKit, rpcFailure, storedViolations, TestClock } from './ledger-kit';

const DAY = 86_400_000;
const ZERO = { available: 0, pending: 0, held: 0, lifetimeEarned: 0, spent: 0, expired: 0 };

describe('points ledger (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ledger: LedgerService;
  const clock = new TestClock(new Date('2026-03-20T08:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase('points', POINTS_MIGRATIONS);
    ledger = ledgerKit(db.dataSource, clock);
  });

  afterAll(async () => {
    await db.drop();
  });

  const checkout = (over: Partial<EarnForCheckoutCommand> = {}): EarnForCheckoutCommand => ({
    transactionId: `t-${randomUUID()}`,
    storeId: 'store-1',
    memberId: randomUUID(),
    amount: 1_250_000,
    currency: 'IRR',
    requestHash: 'a'.repeat(64),
    ...over,
  });

  const sumOfEntries = async (tenantId: string, memberId: string): Promise<number> => (await balancesFromEntries(db.dataSource, tenantId, memberId)).lifetimeEarned;

  const sound = async (tenant: TenantContext, memberId: string, allowNegative = false) => {
    expect(await storedViolations(db.dataSource, tenant.tenantId, memberId, allowNegative)).toEqual([]);
  };

  const outboxOf = async (tenantId: string) =>
    (await db.dataSource.query<{ topic: string; message_key: string; value: string }[]>(`SELECT topic, message_key, value FROM outbox WHERE tenant_id = $1 ORDER BY seq`, [tenantId])).map(
      (o) => ({ topic: o.topic, key: o.message_key, data: (JSON.parse(o.value) as { data: Record<string, unknown> }).data }),
    );

  /** A member with `points` available (one checkout at 1 point per 10,000 rials). */
  const memberWith = async (tenant: TenantContext, points: number, over: Partial<EarnForCheckoutCommand> = {}) => {
    const cmd = checkout({ amount: points * 10_000, ...over });
    await ledger.earnPoints(tenant, cmd);
    return cmd;
  };

  describe('earning', () => {
    it('credits a checkout at the flat rate and writes entry, lot, balance and outbox events together', async () => {
      const tenant = testTenant();
      const cmd = checkout();
      const res = await ledger.earnPoints(tenant, cmd);
      expect(res).toEqual({
        transactionId: cmd.transactionId,
        memberId: cmd.memberId,
        pointsEarned: 125,
        basePoints: 125,
        campaignPoints: 0,
        pointsRedeemed: 0,
        pending: false,
        activatesAt: '',
        balance: { ...ZERO, available: 125, lifetimeEarned: 125 },
        replayed: false,
      });
      expect(await sumOfEntries(tenant.tenantId, cmd.memberId)).toBe(125);
      const outbox = await outboxOf(tenant.tenantId);
      expect(outbox.map((o) => o.topic)).toEqual(['points.ledger-entry.created.v1', 'points.checkout.recorded.v1']);
      expect(outbox.every((o) => o.key === cmd.memberId)).toBe(true);
      expect(outbox[0].data).toMatchObject({ kind: 'earn', points: 125, from: 'outside', to: 'available', operation: `earn:${cmd.transactionId}`, transactionId: cmd.transactionId, storeId: 'store-1' });
      expect(outbox[1].data).toMatchObject({ amount: 1_250_000, currency: 'IRR', pointsEarned: 125, storeId: 'store-1' });
      const [lot] = await db.dataSource.query<{ id: string; remaining: string; status: string }[]>(`SELECT id, remaining, status FROM lots WHERE tenant_id = $1`, [tenant.tenantId]);
      expect(lot).toEqual({ id: `lot:${cmd.transactionId}`, remaining: '125', status: 'active' });
      await sound(tenant, cmd.memberId);
    });

    it('credits the campaigns’ points with the base, records their provenance, and a whole return reverses both', async () => {
      const tenant = testTenant();
      const campaignId = randomUUID();
      const effect = (ruleId: string, kind: string, points: number, discount = 0) => ({
        campaignId,
        version: 2,
        ruleId,
        kind,
        points,
        discount,
        description: `${ruleId} (${kind})`,
        reference: kind === 'award-badge' ? 'tea-lover' : null,
        steps: 0,
      });
      const effects = [effect('double', 'points-multiplier', 125), effect('tea', 'points-per-line', 20), effect('off', 'discount-percent', 0, 5_000), effect('badge', 'award-badge', 0)];
      const cmd = checkout({
        items: [
          { sku: 'tea', category: 'drinks', quantity: 2, unitPrice: 250_000 },
          { sku: 'rice', category: 'grocery', quantity: 1, unitPrice: 750_000 },
        ],
        campaignEffects: effects,
        couponCodes: ['WELABCDEFGHJK'],
      });
      const res = await ledger.earnPoints(tenant, cmd);
      expect(res).toMatchObject({ pointsEarned: 270, basePoints: 125, campaignPoints: 145, balance: { available: 270 } });
      expect(await ledger.earnPoints(tenant, cmd)).toEqual({ ...res, replayed: true });
      expect((await failure(ledger.earnPoints(tenant, { ...cmd, campaignEffects: [] }))).code).toBe(status.ALREADY_EXISTS); // the effects are part of the request
      const [entry] = await db.dataSource.query<{ points: string; provenance: unknown }[]>(`SELECT points, provenance FROM ledger_entries WHERE tenant_id = $1 AND kind = 'earn'`, [tenant.tenantId]);
      expect(entry).toEqual({
        points: '270',
        provenance: {
          basePoints: 125,
          campaigns: [
            { campaignId, version: 2, ruleId: 'double', kind: 'points-multiplier', points: 125 },
            { campaignId, version: 2, ruleId: 'tea', kind: 'points-per-line', points: 20 },
          ],
        },
      });
      const [row] = await db.dataSource.query<{ campaign_points: string; campaign_effects: unknown[] }[]>(
        `SELECT campaign_points, campaign_effects FROM checkouts WHERE tenant_id = $1 AND transaction_id = $2`,
        [tenant.tenantId, cmd.transactionId],
      );
      expect(row).toEqual({ campaign_points: '145', campaign_effects: effects });
      const recorded = (await outboxOf(tenant.tenantId)).find((o) => o.topic === 'points.checkout.recorded.v1');
      expect(recorded?.data).toMatchObject({ pointsEarned: 270, campaignPoints: 145, categories: ['drinks', 'grocery'], campaignEffects: effects, couponCodes: ['WELABCDEFGHJK'] });

      const ret = await ledger.recordReturn(tenant, { transactionId: cmd.transactionId, returnId: 'all', amount: cmd.amount });
      expect(ret).toMatchObject({ pointsReversed: 270 });
      expect(await ledger.getBalance(tenant, cmd.memberId)).toEqual(ZERO);
      await sound(tenant, cmd.memberId);
    });

    it('awards campaign points once per award id, with the provenance on the entry and the operator campaigns', async () => {
      const tenant = testTenant();
      const memberId = randomUUID();
      const campaignId = randomUUID();
      const award = {
        awardId: `event:${randomUUID()}/${campaignId}/welcome`,
        memberId,
        points: 50,
        reason: 'Welcome bonus',
        provenance: { basePoints: 0, campaigns: [{ campaignId, version: 1, ruleId: 'welcome', kind: 'points-fixed', points: 50 }] },
      };
      const results = await Promise.all([1, 2, 3].map(() => ledger.awardPoints(tenant, award)));
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(results[0]).toMatchObject({ points: 50, balance: { available: 50, lifetimeEarned: 50 } });
      expect((await failure(ledger.awardPoints(tenant, { ...award, points: 60 }))).code).toBe(status.ALREADY_EXISTS);
      expect(await ledger.getBalance(tenant, memberId)).toEqual({ ...ZERO, available: 50, lifetimeEarned: 50 });
      const entries = await db.dataSource.query<{ kind: string; points: string; operator: string; provenance: unknown }[]>(
        `SELECT kind, points, operator, provenance FROM ledger_entries WHERE tenant_id = $1 AND member_id = $2`,
        [tenant.tenantId, memberId],
      );
      expect(entries).toEqual([{ kind: 'adjust', points: '50', operator: 'campaigns', provenance: award.provenance }]);
      await sound(tenant, memberId);
    });

    it('applies a checkout retried concurrently exactly once, answering every retry with the first response', async () => {
      const tenant = testTenant();
      const cmd = checkout();
      const results = await Promise.all(Array.from({ length: 10 }, () => ledger.earnPoints(tenant, cmd)));
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      const [first, ...rest] = results.map(({ replayed: _replayed, ...body }) => body);
      for (const body of rest) expect(body).toEqual(first);
      expect(await sumOfEntries(tenant.tenantId, cmd.memberId)).toBe(125);
      expect(await ledger.getBalance(tenant, cmd.memberId)).toEqual({ ...ZERO, available: 125, lifetimeEarned: 125 });
      expect((await outboxOf(tenant.tenantId)).length).toBe(2);
    });

    it('refuses the same transaction id with a different request (409) and changes nothing', async () => {
      const tenant = testTenant();
      const cmd = checkout();
      await ledger.earnPoints(tenant, cmd);
      expect((await failure(ledger.earnPoints(tenant, { ...cmd, amount: 2_000_000, requestHash: 'b'.repeat(64) }))).code).toBe(status.ALREADY_EXISTS);
      expect((await failure(ledger.earnPoints(tenant, { ...cmd, memberId: randomUUID() }))).code).toBe(status.ALREADY_EXISTS);
      expect(await sumOfEntries(tenant.tenantId, cmd.memberId)).toBe(125);
    });

    it('keeps the cached balance equal to the sum of entries under concurrent distinct checkouts', async () => {
      const tenant = testTenant();
      const memberId = randomUUID();
      const amounts = Array.from({ length: 25 }, (_, i) => 10_000 * (i + 1));
      await Promise.all(amounts.map((amount) => ledger.earnPoints(tenant, checkout({ memberId, amount }))));
      const expected = amounts.reduce((a, b) => a + b / 10_000, 0);
      expect(await sumOfEntries(tenant.tenantId, memberId)).toBe(expected);
      expect((await ledger.getBalance(tenant, memberId)).available).toBe(expected);
      await sound(tenant, memberId);
    });

    it('rejects a checkout in another currency than the tenant’s', async () => {
      expect((await failure(ledger.earnPoints(testTenant(), checkout({ currency: 'EUR' })))).code).toBe(status.INVALID_ARGUMENT);
    });

    it('refuses to update or delete ledger entries (append-only)', async () => {
      const tenant = testTenant();
      await ledger.earnPoints(tenant, checkout());
      await expect(db.dataSource.query(`UPDATE ledger_entries SET points = 1 WHERE tenant_id = $1`, [tenant.tenantId])).rejects.toThrow(/append-only/);
      await expect(db.dataSource.query(`DELETE FROM ledger_entries WHERE tenant_id = $1`, [tenant.tenantId])).rejects.toThrow(/append-only/);
    });

    it('records the lines with the points attributed to them, and spends redeemPoints first, all or nothing', async () => {
      const tenant = testTenant();
      const first = await memberWith(tenant, 100);
      const memberId = first.memberId;
      const items = [
        { sku: 'A', category: 'dairy', quantity: 2, unitPrice: 250_000 },
        { sku: 'B', quantity: 1, unitPrice: 500_000 },
      ];
      // Not enough points: refused with the shortfall, nothing earned, and the refusal is the answer to every retry.
      const short = checkout({ memberId, amount: 1_000_000, items, redeemPoints: 150 });
      const refused = await failure(ledger.earnPoints(tenant, short));
      expect(refused).toEqual({ code: status.FAILED_PRECONDITION, problem: { detail: 'not enough points: 50 short', errors: [{ pointer: '#/redeemPoints', detail: '50 points short' }] } });
      expect(await failure(ledger.earnPoints(tenant, short))).toEqual(refused);
      expect(await ledger.getBalance(tenant, memberId)).toEqual({ ...ZERO, available: 100, lifetimeEarned: 100 });

      const cmd = checkout({ memberId, amount: 1_000_000, items, redeemPoints: 60 });
      const res = await ledger.earnPoints(tenant, cmd);
      expect(res).toMatchObject({ pointsEarned: 100, pointsRedeemed: 60, balance: { ...ZERO, available: 140, spent: 60, lifetimeEarned: 200 } });
      const [row] = await db.dataSource.query<{ lines: unknown; redemption_id: string; points_redeemed: string }[]>(
        `SELECT lines, redemption_id, points_redeemed FROM checkouts WHERE tenant_id = $1 AND transaction_id = $2`,
        [tenant.tenantId, cmd.transactionId],
      );
      expect(row).toEqual({
        redemption_id: `checkout:${cmd.transactionId}`,
        points_redeemed: '60',
        lines: [
          { sku: 'A', quantity: 2, unitPrice: 250_000, pointsEarned: 50, pointsRedeemed: 30 },
          { sku: 'B', quantity: 1, unitPrice: 500_000, pointsEarned: 50, pointsRedeemed: 30 },
        ],
      });
      const events = (await outboxOf(tenant.tenantId)).filter((o) => o.topic === 'points.ledger-entry.created.v1').slice(1);
      expect(events.map((e) => [e.data.kind, e.data.points, e.data.lotId, (e.data.balance as { available: number }).available])).toEqual([
        ['redeem', 60, `lot:${first.transactionId}`, 40],
        ['earn', 100, `lot:${cmd.transactionId}`, 140],
      ]);
      await sound(tenant, memberId);
    });

    it('keeps earned points pending per the policy; an accept activates them once; the expiry clock starts then', async () => {
      const tenant = testTenant();
      await ledger.setLedgerPolicy(tenant, { pendingDays: 14, expiry: { kind: 'after', n: 30, unit: 'days' } }, 'ops@club');
      const cmd = checkout();
      const res = await ledger.earnPoints(tenant, cmd);
      expect(res).toMatchObject({ pending: true, activatesAt: new Date(clock.now().getTime() + 14 * DAY).toISOString(), balance: { ...ZERO, pending: 125, lifetimeEarned: 125 } });
      expect((await failure(ledger.redeemPoints(tenant, { memberId: cmd.memberId, redemptionId: randomUUID(), points: 1, hold: false }))).code).toBe(status.FAILED_PRECONDITION);

      const accepted = await ledger.acceptPending(tenant, cmd.transactionId);
      expect(accepted).toEqual({ ...ZERO, available: 125, lifetimeEarned: 125, replayed: false });
      expect(await ledger.acceptPending(tenant, cmd.transactionId)).toEqual({ ...accepted, replayed: true });
      const [lot] = await db.dataSource.query<{ status: string; expires_at: Date }[]>(`SELECT status, expires_at FROM lots WHERE tenant_id = $1`, [tenant.tenantId]);
      // Accepted 2026-03-20 11:30 Tehran: 30 days → through 19 April, expiring at that night's end.
      expect(lot).toEqual({ status: 'active', expires_at: new Date('2026-04-19T20:30:00Z') });
      expect((await failure(ledger.acceptPending(tenant, 'no-such-checkout'))).code).toBe(status.NOT_FOUND);

      await ledger.setLedgerPolicy(tenant, { pendingDays: null }, 'ops@club');
      expect(await ledger.earnPoints(tenant, checkout())).toMatchObject({ pending: true, activatesAt: '' });
      await sound(tenant, cmd.memberId);
    });
  });

  describe('redemptions', () => {
    it('redeems directly; not enough points is FAILED_PRECONDITION with the shortfall, replayed as such; another request under the id is ALREADY_EXISTS', async () => {
      const tenant = testTenant();
      const { memberId } = await memberWith(tenant, 100);
      const ok = await ledger.redeemPoints(tenant, { memberId, redemptionId: 'r-1', points: 30, reason: 'coffee', hold: false });
      expect(ok).toEqual({ redemptionId: 'r-1', memberId, status: 'captured', points: 30, holdExpiresAt: '', balance: { ...ZERO, available: 70, spent: 30, lifetimeEarned: 100 }, replayed: false });
      expect(await ledger.redeemPoints(tenant, { memberId, redemptionId: 'r-1', points: 30, reason: 'coffee', hold: false })).toEqual({ ...ok, replayed: true });
      expect((await failure(ledger.redeemPoints(tenant, { memberId, redemptionId: 'r-1', points: 31, reason: 'coffee', hold: false }))).code).toBe(status.ALREADY_EXISTS);
      // The same id as a hold, or for another member: the id is taken.
      expect((await failure(ledger.redeemPoints(tenant, { memberId, redemptionId: 'r-1', points: 30, reason: 'coffee', hold: true }))).code).toBe(status.ALREADY_EXISTS);
      expect((await failure(ledger.redeemPoints(tenant, { memberId: randomUUID(), redemptionId: 'r-1', points: 30, hold: false }))).code).toBe(status.ALREADY_EXISTS);

      const short = await failure(ledger.redeemPoints(tenant, { memberId, redemptionId: 'r-2', points: 71, hold: false }));
      expect(short).toEqual({ code: status.FAILED_PRECONDITION, problem: { detail: 'not enough points: 1 short', errors: [{ pointer: '#/points', detail: '1 points short' }] } });
      await memberWith(tenant, 50, { memberId });
      expect(await failure(ledger.redeemPoints(tenant, { memberId, redemptionId: 'r-2', points: 71, hold: false }))).toEqual(short);
      await sound(tenant, memberId);
    });

    it('holds, then captures or releases; capture and release answer their retries; a captured hold cannot be released', async () => {
      const tenant = testTenant();
      const { memberId } = await memberWith(tenant, 100);
      const held = await ledger.redeemPoints(tenant, { memberId, redemptionId: 'h-1', points: 40, hold: true });
      expect(held).toMatchObject({ status: 'held', holdExpiresAt: new Date(clock.now().getTime() + 900_000).toISOString(), balance: { available: 60, held: 40 } });
      const captured = await ledger.captureRedemption(tenant, 'h-1');
      expect(captured).toMatchObject({ status: 'captured', holdExpiresAt: '', replayed: false, balance: { available: 60, held: 0, spent: 40 } });
      expect(await ledger.captureRedemption(tenant, 'h-1')).toEqual({ ...captured, replayed: true });
      expect(await failure(ledger.releaseRedemption(tenant, 'h-1'))).toMatchObject({ code: status.FAILED_PRECONDITION, problem: { detail: 'the redemption is captured, not held' } });

      await ledger.redeemPoints(tenant, { memberId, redemptionId: 'h-2', points: 50, hold: true });
      expect(await ledger.releaseRedemption(tenant, 'h-2')).toMatchObject({ status: 'released', balance: { available: 60, held: 0, spent: 40 } });
      expect((await failure(ledger.captureRedemption(tenant, 'h-2'))).code).toBe(status.FAILED_PRECONDITION);
      expect((await failure(ledger.captureRedemption(tenant, 'no-such-hold'))).code).toBe(status.NOT_FOUND);
      expect((await failure(ledger.releaseRedemption(tenant, 'no-such-hold'))).code).toBe(status.NOT_FOUND);
      await sound(tenant, memberId);
    });

    it('refuses to capture a hold past its TTL (even before the job released it); releasing it then gives the points back', async () => {
      const tenant = testTenant();
      await ledger.setLedgerPolicy(tenant, { holdTtlSeconds: 60 }, 'ops@club');
      const { memberId } = await memberWith(tenant, 100);
      await ledger.redeemPoints(tenant, { memberId, redemptionId: 'h-1', points: 40, hold: true });
      clock.advance(61_000);
      expect(await failure(ledger.captureRedemption(tenant, 'h-1'))).toMatchObject({ code: status.FAILED_PRECONDITION, problem: { detail: 'the hold has expired' } });
      expect(await ledger.releaseRedemption(tenant, 'h-1')).toMatchObject({ status: 'released', balance: { available: 100, held: 0 } });
      await sound(tenant, memberId);
    });

    it('never overspends: of 100 concurrent redemptions against one balance exactly floor(balance / points) succeed', async () => {
      const tenant = testTenant();
      const { memberId } = await memberWith(tenant, 500);
      const outcomes = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          ledger.redeemPoints(tenant, { memberId, redemptionId: `r-${i}`, points: 7, hold: i % 2 === 0 }).then(
            () => 'ok',
            (err: unknown) => rpcFailure(err).code,
          ),
        ),
      );
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(Math.floor(500 / 7));
      expect(outcomes.filter((o) => o !== 'ok').every((o) => o === status.FAILED_PRECONDITION)).toBe(true);
      const balance = await ledger.getBalance(tenant, memberId);
      expect(balance).toMatchObject({ available: 3, pending: 0, lifetimeEarned: 500, expired: 0 });
      expect(balance.held + balance.spent).toBe(497);
      await sound(tenant, memberId);
    });

    it('applies the same redemption, capture, adjustment and return sent concurrently once', async () => {
      const tenant = testTenant();
      const bought = await memberWith(tenant, 100, { items: [{ sku: 'A', quantity: 4, unitPrice: 250_000 }] });
      const { memberId } = bought;
      const times = <T>(n: number, f: () => Promise<T>) => Promise.all(Array.from({ length: n }, f));
      const holds = await times(20, () => ledger.redeemPoints(tenant, { memberId, redemptionId: 'h-1', points: 10, hold: true }));
      const captures = await times(20, () => ledger.captureRedemption(tenant, 'h-1'));
      const adjustments = await times(20, () => ledger.adjustPoints(tenant, { memberId, adjustmentId: 'adj-1', points: 5, reason: 'goodwill', operator: 'ops@club' }));
      const returns = await times(20, () => ledger.recordReturn(tenant, { transactionId: bought.transactionId, returnId: 'ret-1', items: [{ sku: 'A', quantity: 1 }] }));
      for (const all of [holds, captures, adjustments, returns]) expect(all.filter((r) => !r.replayed)).toHaveLength(1);
      expect(await ledger.getBalance(tenant, memberId)).toEqual({ available: 100 - 10 + 5 - 25, pending: 0, held: 0, spent: 10, lifetimeEarned: 80, expired: 0 });
      const [{ n }] = await db.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND action = 'points.adjusted'`, [tenant.tenantId]);
      expect(n).toBe('1');
      await sound(tenant, memberId);
    });
  });

  describe('returns', () => {
    it('reverses earned points line by line, partial returns included; over-returns are FAILED_PRECONDITION with the detail; an unknown checkout NOT_FOUND', async () => {
      const tenant = testTenant();
      const cmd = await memberWith(tenant, 0, {
        amount: 1_000_000,
        items: [
          { sku: 'A', quantity: 2, unitPrice: 250_000 },
          { sku: 'B', quantity: 1, unitPrice: 500_000 },
        ],
      });
      const first = await ledger.recordReturn(tenant, { transactionId: cmd.transactionId, returnId: 'ret-1', items: [{ sku: 'A', quantity: 1 }] });
      expect(first).toEqual({
        transactionId: cmd.transactionId,
        returnId: 'ret-1',
        memberId: cmd.memberId,
        pointsReversed: 25,
        pointsRefunded: 0,
        pointsForgiven: 0,
        pointsNegative: 0,
        balance: { ...ZERO, available: 75, lifetimeEarned: 75 },
        replayed: false,
      });
      const over = await failure(ledger.recordReturn(tenant, { transactionId: cmd.transactionId, returnId: 'ret-2', items: [{ sku: 'A', quantity: 2 }] }));
      expect(over).toEqual({
        code: status.FAILED_PRECONDITION,
        problem: { detail: 'cannot return 2 of sku A: 2 bought, 1 still returnable', errors: [{ pointer: '#/items/0/quantity', detail: 'at most 1' }] },
      });
      expect((await failure(ledger.recordReturn(tenant, { transactionId: cmd.transactionId, returnId: 'ret-3', items: [{ sku: 'Z', quantity: 1 }] }))).problem.errors).toEqual([
        { pointer: '#/items/0/sku', detail: 'not in the checkout' },
      ]);
      const rest = await ledger.recordReturn(tenant, { transactionId: cmd.transactionId, returnId: 'ret-4', amount: 750_000 });
      expect(rest).toMatchObject({ pointsReversed: 75, balance: { ...ZERO } });
      expect(await failure(ledger.recordReturn(tenant, { transactionId: cmd.transactionId, returnId: 'ret-5', amount: 1 }))).toMatchObject({
        code: status.FAILED_PRECONDITION,
        problem: { detail: `cannot return 1: only 0 of checkout ${cmd.transactionId} is still returnable` },
      });
      expect((await failure(ledger.recordReturn(tenant, { transactionId: 'no-such-checkout', returnId: 'ret-6', amount: 1 }))).code).toBe(status.NOT_FOUND);
      // The same return id for another request is taken.
      expect((await failure(ledger.recordReturn(tenant, { transactionId: cmd.transactionId, returnId: 'ret-1', items: [{ sku: 'B', quantity: 1 }] }))).code).toBe(status.ALREADY_EXISTS);
      const returned = (await outboxOf(tenant.tenantId)).filter((o) => o.topic === 'points.checkout.returned.v1');
      expect(returned.map((o) => [o.data.returnId, o.data.amountReturned, o.data.pointsReversed])).toEqual([
        ['ret-1', 250_000, 25],
        ['ret-4', 750_000, 75],
      ]);
      await sound(tenant, cmd.memberId);
    });

    it('refunds the points redeemed on the returned lines', async () => {
      const tenant = testTenant();
      const { memberId } = await memberWith(tenant, 100);
      const cmd = checkout({ memberId, amount: 400_000, items: [{ sku: 'A', quantity: 4, unitPrice: 100_000 }], redeemPoints: 80 });
      await ledger.earnPoints(tenant, cmd);
      const res = await ledger.recordReturn(tenant, { transactionId: cmd.transactionId, returnId: 'ret-1', items: [{ sku: 'A', quantity: 1 }] });
      expect(res).toMatchObject({ pointsReversed: 10, pointsRefunded: 20, balance: { available: 20 + 40 + 20 - 10, spent: 60, lifetimeEarned: 130 } });
      await sound(tenant, memberId);
    });

    it.each([
      // 40 earned, 30 of them spent, 3 of 4 items back: 30 to reverse, 10 left in the checkout's lot.
      ['within-balance', { available: 0, spent: 30, lifetimeEarned: 30 }, 20, 0],
      ['allow-negative', { available: -20, spent: 30, lifetimeEarned: 10 }, 0, 20],
      ['only-pending', { available: 10, spent: 30, lifetimeEarned: 40 }, 30, 0],
    ] as const)('applies the %s policy when the points were spent meanwhile', async (negativeBalance, balance, forgiven, negative) => {
      const tenant = testTenant();
      await ledger.setLedgerPolicy(tenant, { negativeBalance }, 'ops@club');
      const cmd = await memberWith(tenant, 40, { items: [{ sku: 'A', quantity: 4, unitPrice: 100_000 }] });
      await ledger.redeemPoints(tenant, { memberId: cmd.memberId, redemptionId: 'r-1', points: 30, hold: false });
      const res = await ledger.recordReturn(tenant, { transactionId: cmd.transactionId, returnId: 'ret-1', items: [{ sku: 'A', quantity: 3 }] });
      expect(res).toMatchObject({ pointsReversed: 30, pointsForgiven: forgiven, pointsNegative: negative, balance });
      await sound(tenant, cmd.memberId, negativeBalance === 'allow-negative');
      if (negativeBalance === 'allow-negative') {
        expect(await accountRow(db.dataSource, tenant.tenantId, cmd.memberId)).toMatchObject({ available: -20, debt: 20 });
        // The next credit pays the debt off first.
        const next = await ledger.earnPoints(tenant, checkout({ memberId: cmd.memberId, amount: 250_000 }));
        expect(next.balance).toMatchObject({ available: 5 });
        expect(await accountRow(db.dataSource, tenant.tenantId, cmd.memberId)).toMatchObject({ available: 5, debt: 0 });
        expect((await ledger.listEntries(tenant, cmd.memberId, null, 1)).items[0]).toMatchObject({ kind: 'settle', points: 20, from: null, to: null });
        await sound(tenant, cmd.memberId, true);
      }
    });
  });

  describe('adjustments, statement and policy', () => {
    it('adjusts both ways with a reason and operator, audited; a debit beyond the available points is FAILED_PRECONDITION', async () => {
      const tenant = testTenant();
      const memberId = randomUUID();
      const credit = await ledger.adjustPoints(tenant, { memberId, adjustmentId: 'a-1', points: 50, reason: 'goodwill', operator: 'ops@club' });
      expect(credit).toEqual({ adjustmentId: 'a-1', memberId, points: 50, balance: { ...ZERO, available: 50, lifetimeEarned: 50 }, replayed: false });
      expect(await failure(ledger.adjustPoints(tenant, { memberId, adjustmentId: 'a-2', points: -60, reason: 'fraud', operator: 'ops@club' }))).toEqual({
        code: status.FAILED_PRECONDITION,
        problem: { detail: 'not enough points: 10 short', errors: [{ pointer: '#/points', detail: '10 points short' }] },
      });
      expect(await ledger.adjustPoints(tenant, { memberId, adjustmentId: 'a-3', points: -20, reason: 'fraud', operator: 'ops@club' })).toMatchObject({
        balance: { available: 30, lifetimeEarned: 30 },
      });
      const audit = await db.dataSource.query<{ operator: string; action: string; member_id: string; details: unknown }[]>(
        `SELECT operator, action, member_id, details FROM audit_log WHERE tenant_id = $1 ORDER BY at, details->>'adjustmentId'`,
        [tenant.tenantId],
      );
      expect(audit).toEqual([
        { operator: 'ops@club', action: 'points.adjusted', member_id: memberId, details: { adjustmentId: 'a-1', points: 50, reason: 'goodwill' } },
        { operator: 'ops@club', action: 'points.adjusted', member_id: memberId, details: { adjustmentId: 'a-3', points: -20, reason: 'fraud' } },
      ]);
      const page = await ledger.listEntries(tenant, memberId, null, 10);
      expect(page.items.map((e) => [e.kind, e.points, e.from, e.to, e.reason, e.operator])).toEqual([
        ['adjust', 20, 'available', 'outside', 'fraud', 'ops@club'],
        ['adjust', 50, 'outside', 'available', 'goodwill', 'ops@club'],
      ]);
      await sound(tenant, memberId);
    });

    it('lists a member’s entries newest first with a keyset cursor', async () => {
      const tenant = testTenant();
      const { memberId } = await memberWith(tenant, 10);
      for (let i = 0; i < 4; i++) await ledger.redeemPoints(tenant, { memberId, redemptionId: `r-${i}`, points: 1, hold: false });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await ledger.listEntries(tenant, memberId, cursor, 2);
        seen.push(...page.items.map((e) => e.operation));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['redeem:r-3', 'redeem:r-2', 'redeem:r-1', 'redeem:r-0', expect.stringMatching(/^earn:/)]);
      expect((await failure(ledger.listEntries(tenant, memberId, 'garbage', 2))).code).toBe(status.INVALID_ARGUMENT);
    });

    it('answers the default policy, validates a new one (schema and calendar) and audits the change', async () => {
      const tenant = testTenant();
      expect(await ledger.getLedgerPolicy(tenant)).toEqual({
        pendingDays: 0,
        expiry: { kind: 'never' },
        negativeBalance: 'within-balance',
        holdTtlSeconds: 900,
        warnDaysBefore: 30,
        pointValue: { minorUnits: 0, perPoints: 1, rounding: 'half-even' },
        earnRounding: 'floor',
      });
      const bad = await failure(ledger.setLedgerPolicy(tenant, { expiry: { kind: 'fixed-yearly', month: 12, day: 31, calendar: 'jalali' } }, 'ops@club'));
      expect(bad).toMatchObject({ code: status.INVALID_ARGUMENT, problem: { errors: [{ pointer: '#/policy/expiry' }] } });
      expect((await failure(ledger.setLedgerPolicy(tenant, { pendingDays: -1 }, 'ops@club'))).problem.errors).toEqual([{ pointer: '#/policy/pendingDays', detail: expect.any(String) }]);
      const saved = await ledger.setLedgerPolicy(tenant, { negativeBalance: 'allow-negative', expiry: { kind: 'fixed-yearly', month: 12, day: 29, calendar: 'jalali' } }, 'ops@club');
      expect(await ledger.getLedgerPolicy(tenant)).toEqual(saved);
      const audit = await db.dataSource.query<{ operator: string; action: string; details: { after: unknown } }[]>(`SELECT operator, action, details FROM audit_log WHERE tenant_id = $1`, [tenant.tenantId]);
      expect(audit).toEqual([{ operator: 'ops@club', action: 'points.policy.set', details: { before: null, after: saved } }]);
    });
  });

  it('isolates tenants: another tenant sees no balance, entries, redemption, checkout or policy, and may reuse every id', async () => {
    const a = testTenant();
    const b = testTenant();
    const cmd = checkout({ items: [{ sku: 'A', quantity: 1, unitPrice: 1_250_000 }] });
    await ledger.earnPoints(a, cmd);
    await ledger.setLedgerPolicy(a, { negativeBalance: 'allow-negative' }, 'ops@a');
    await ledger.redeemPoints(a, { memberId: cmd.memberId, redemptionId: 'r-1', points: 10, hold: true });
    await ledger.adjustPoints(a, { memberId: cmd.memberId, adjustmentId: 'adj-1', points: 5, reason: 'x', operator: 'ops@a' });

    expect(await ledger.getBalance(b, cmd.memberId)).toEqual(ZERO);
    expect(await ledger.listEntries(b, cmd.memberId, null, 50)).toEqual({ items: [], nextCursor: null });
    expect((await failure(ledger.captureRedemption(b, 'r-1'))).code).toBe(status.NOT_FOUND);
    expect((await failure(ledger.recordReturn(b, { transactionId: cmd.transactionId, returnId: 'ret-1', amount: 1 }))).code).toBe(status.NOT_FOUND);
    expect((await failure(ledger.acceptPending(b, cmd.transactionId))).code).toBe(status.NOT_FOUND);
    expect((await ledger.getLedgerPolicy(b)).negativeBalance).toBe('within-balance');

    const inB = await ledger.earnPoints(b, { ...cmd, amount: 30_000, items: [] });
    expect(inB).toMatchObject({ replayed: false, pointsEarned: 3 });
    expect(await ledger.redeemPoints(b, { memberId: cmd.memberId, redemptionId: 'r-1', points: 3, hold: false })).toMatchObject({ replayed: false, status: 'captured' });
    expect(await ledger.adjustPoints(b, { memberId: cmd.memberId, adjustmentId: 'adj-1', points: 5, reason: 'x', operator: 'ops@b' })).toMatchObject({ replayed: false });
    expect(await ledger.getBalance(a, cmd.memberId)).toMatchObject({ available: 120, held: 10 });
    await sound(a, cmd.memberId);
    await sound(b, cmd.memberId);
  });
});
