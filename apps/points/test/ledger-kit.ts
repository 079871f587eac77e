import { RpcException } from '@nestjs/microservices';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { testKafka } from '@club/platform-testing';
import type { Balances } from '../src/domain/ledger-model';
import { LedgerRepository } from '../src/repositories/ledger.repository';
import { LedgerService } from '../src/services/ledger.service';

/** A clock the test moves. */
export class TestClock extends Clock {
  constructor(public t = new Date()) {
    super();
  }

  override now(): Date {
    return new Date(this.t.getTime());
  }

  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/** The ledger service wired on a test database, with a clock the test controls. */
export function ledgerKit(ds: DataSource, clock: Clock = new Clock()): LedgerService {
  const relay = new OutboxRelay(ds, testKafka(), pino({ level: 'silent' }));
  return new LedgerService(new LedgerRepository(ds), new OutboxRepository(), new UnitOfWork(ds, relay), clock, new Ids());
}

export interface RpcFailure {
  readonly code: number;
  readonly problem: { detail: string; errors?: { pointer: string; detail: string }[] };
}

/** The gRPC error a call failed with (its code and JSON problem); throws anything else. */
export function rpcFailure(err: unknown): RpcFailure {
  if (!(err instanceof RpcException)) throw err;
  const e = err.getError() as { code: number; message: string };
  return { code: e.code, problem: JSON.parse(e.message) as RpcFailure['problem'] };
}

/** The call's failure; fails the test when it succeeded. */
export async function failure(call: Promise<unknown>): Promise<RpcFailure> {
  const outcome = await call.then(
    (value) => ({ ok: true as const, value }),
    (err: unknown) => ({ ok: false as const, err }),
  );
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome.value)}`);
  return rpcFailure(outcome.err);
}

/** The balances as the sum of the member's entries (places in and out), computed in SQL. */
export async function balancesFromEntries(ds: DataSource, tenantId: string, memberId: string): Promise<Balances> {
  const [r] = await ds.query<Record<string, string>[]>(
    `SELECT
       coalesce(sum(points) FILTER (WHERE to_place = 'available'), 0) - coalesce(sum(points) FILTER (WHERE from_place = 'available'), 0) AS available,
       coalesce(sum(points) FILTER (WHERE to_place = 'pending'), 0) - coalesce(sum(points) FILTER (WHERE from_place = 'pending'), 0) AS pending,
       coalesce(sum(points) FILTER (WHERE to_place = 'held'), 0) - coalesce(sum(points) FILTER (WHERE from_place = 'held'), 0) AS held,
       coalesce(sum(points) FILTER (WHERE to_place = 'spent'), 0) - coalesce(sum(points) FILTER (WHERE from_place = 'spent'), 0) AS spent,
       coalesce(sum(points) FILTER (WHERE to_place = 'expired'), 0) - coalesce(sum(points) FILTER (WHERE from_place = 'expired'), 0) AS expired,
       coalesce(sum(points) FILTER (WHERE from_place = 'outside'), 0) - coalesce(sum(points) FILTER (WHERE to_place = 'outside'), 0) AS lifetime_earned
     FROM ledger_entries WHERE tenant_id = $1 AND member_id = $2`,
    [tenantId, memberId],
  );
  return {
    available: Number(r.available),
    pending: Number(r.pending),
    held: Number(r.held),
    lifetimeEarned: Number(r.lifetime_earned),
    spent: Number(r.spent),
    expired: Number(r.expired),
  };
}

/** The cached account row (balances and debt), or null. */
export async function accountRow(ds: DataSource, tenantId: string, memberId: string): Promise<(Balances & { debt: number }) | null> {
  const rows = await ds.query<Record<string, string>[]>(
    `SELECT available, pending, held, lifetime_earned, spent, expired, debt FROM accounts WHERE tenant_id = $1 AND member_id = $2`,
    [tenantId, memberId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    available: Number(r.available),
    pending: Number(r.pending),
    held: Number(r.held),
    lifetimeEarned: Number(r.lifetime_earned),
    spent: Number(r.spent),
    expired: Number(r.expired),
    debt: Number(r.debt),
  };
}

/**
 * Violations of the stored ledger's invariants for one member (empty when sound): the cached
 * balances equal the sum of the entries; every lot is within [0, points] and equals the sum of
 * its entries (settlements included); available is negative only by a debt, and only under
 * allow-negative.
 */
export async function storedViolations(ds: DataSource, tenantId: string, memberId: string, allowNegative: boolean): Promise<string[]> {
  const v: string[] = [];
  const account = await accountRow(ds, tenantId, memberId);
  const sums = await balancesFromEntries(ds, tenantId, memberId);
  if (account) {
    const { debt, ...cached } = account;
    if (JSON.stringify(cached) !== JSON.stringify(sums)) v.push(`cached ${JSON.stringify(cached)} ≠ entries ${JSON.stringify(sums)}`);
    if (account.available < 0 && !allowNegative) v.push(`available ${account.available} without allow-negative`);
    if (debt > 0 && !allowNegative) v.push(`debt ${debt} without allow-negative`);
  } else if (Object.values(sums).some((n) => n !== 0)) {
    v.push('entries without an account');
  }
  const lots = await ds.query<{ id: string; points: string; remaining: string; from_entries: string }[]>(
    `SELECT l.id, l.points, l.remaining,
            coalesce((SELECT sum(CASE WHEN e.to_place IN ('pending', 'available') THEN e.points ELSE 0 END)
                           - sum(CASE WHEN e.from_place IN ('pending', 'available') THEN e.points ELSE 0 END)
                           - sum(CASE WHEN e.kind = 'settle' THEN e.points ELSE 0 END)
                      FROM ledger_entries e WHERE e.tenant_id = l.tenant_id AND e.member_id = l.member_id AND e.lot_id = l.id), 0) AS from_entries
     FROM lots l WHERE l.tenant_id = $1 AND l.member_id = $2`,
    [tenantId, memberId],
  );
  for (const l of lots) {
    if (Number(l.remaining) < 0 || Number(l.remaining) > Number(l.points)) v.push(`lot ${l.id} holds ${l.remaining} of ${l.points}`);
    if (Number(l.remaining) !== Number(l.from_entries)) v.push(`lot ${l.id}: remaining ${l.remaining} ≠ its entries ${l.from_entries}`);
  }
  return v;
}
