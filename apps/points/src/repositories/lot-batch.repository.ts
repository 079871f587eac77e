import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returnedRows } from '@club/platform-db';
import type { Allocation, Lot } from '../domain/lots';
import type { Balances, Bucket, EntryKind, Place } from '../domain/ledger-model';

/** A keyset position in a job's queue: the last (instant, id) handled. */
export interface QueuePosition {
  readonly t: string;
  readonly id: string;
}

/** A lot in a job's queue: `t` is its activation or expiry instant (the queue's order with `id`). */
export interface QueuedLot {
  readonly id: string;
  readonly memberId: string;
  readonly remaining: number;
  readonly t: Date;
  /** The queue position of this lot (`t` exactly, microseconds included). */
  readonly position: QueuePosition;
}

export interface QueuedHold {
  readonly id: string;
  readonly memberId: string;
  readonly points: number;
  readonly allocations: readonly Allocation[];
  /** When the hold expired. */
  readonly t: Date;
  readonly position: QueuePosition;
}

export interface LockedLot {
  readonly id: string;
  readonly memberId: string;
  readonly points: number;
  readonly remaining: number;
  readonly expiresAt: Date | null;
}

export interface NewEntry {
  readonly id: string;
  readonly memberId: string;
  readonly kind: EntryKind;
  readonly points: number;
  readonly from: Place | null;
  readonly to: Place | null;
  readonly lotId: string | null;
}

/** Signed changes of one member's cached balance buckets. */
export type BalanceDelta = { readonly memberId: string } & Partial<Record<Exclude<Bucket, 'spent'>, number>>;

interface QueuedLotRow {
  id: string;
  member_id: string;
  remaining: string;
  t: Date;
  tk: string;
}

interface LockedLotRow {
  id: string;
  member_id: string;
  points: string;
  remaining: string;
  expires_at: Date | null;
}

const toQueued = (r: QueuedLotRow): QueuedLot => ({ id: r.id, memberId: r.member_id, remaining: Number(r.remaining), t: r.t, position: { t: r.tk, id: r.id } });
const toLocked = (r: LockedLotRow): LockedLot => ({
  id: r.id,
  memberId: r.member_id,
  points: Number(r.points),
  remaining: Number(r.remaining),
  expiresAt: r.expires_at,
});

interface HoldRow {
  id: string;
  member_id: string;
  points: string;
  allocations: Allocation[];
  t: Date;
  tk: string;
}

const toHold = (r: HoldRow): QueuedHold => ({
  id: r.id,
  memberId: r.member_id,
  points: Number(r.points),
  allocations: r.allocations,
  t: r.t,
  position: { t: r.tk, id: r.id },
});

/**
 * Locks a batch's lots by primary key, skipping those another transaction holds (the next run
 * takes them). The callers re-check their conditions on the locked rows outside this fence: with
 * the conditions inside, the planner would walk the job's whole partial index (every due lot)
 * to find the batch's 2,000.
 */
const LOCK_BY_ID = `SELECT id, member_id, points, remaining, status, activates_at, expires_at, warned_at FROM lots
  WHERE tenant_id = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE SKIP LOCKED`;

/** The start of a queue: before every instant and id. */
const START = { t: '-infinity', id: '' };

/**
 * Set-based reads and writes of the ledger jobs: queues of due lots and holds walked in keyset
 * order, row locks (accounts in member-id order first, then lots: the live operations' order),
 * and bulk writes of entries, lots and cached balances. Every method takes the tenant first and
 * runs in the caller's transaction.
 */
@Injectable()
export class LotBatchRepository {
  // --- queues (no locks: a batch's candidates, re-checked under the locks) -----------------------

  /** Pending lots whose activation time is at or before `at`, after `after` in (activates_at, id) order. */
  async findDueToActivate(m: EntityManager, tenantId: string, at: Date, after: QueuePosition | null, limit: number): Promise<QueuedLot[]> {
    const p = after ?? START;
    const rows = await m.query<QueuedLotRow[]>(
      `SELECT id, member_id, remaining, activates_at AS t, activates_at::text AS tk FROM lots
       WHERE tenant_id = $1 AND status = 'pending' AND activates_at <= $2 AND (activates_at, id) > ($3::timestamptz, $4::text)
       ORDER BY activates_at, id LIMIT $5`,
      [tenantId, at, p.t, p.id, limit],
    );
    return rows.map(toQueued);
  }

  /** Active lots with points left whose expiry is at or before `at`, after `after` in (expires_at, id) order. */
  async findDueToExpire(m: EntityManager, tenantId: string, at: Date, after: QueuePosition | null, limit: number): Promise<QueuedLot[]> {
    const p = after ?? START;
    const rows = await m.query<QueuedLotRow[]>(
      `SELECT id, member_id, remaining, expires_at AS t, expires_at::text AS tk FROM lots
       WHERE tenant_id = $1 AND status = 'active' AND remaining > 0 AND expires_at IS NOT NULL AND expires_at <= $2
         AND (expires_at, id) > ($3::timestamptz, $4::text)
       ORDER BY expires_at, id LIMIT $5`,
      [tenantId, at, p.t, p.id, limit],
    );
    return rows.map(toQueued);
  }

  /** Active lots with points left, expiring after `at` and no later than `until`, not warned yet. */
  async findDueForWarning(m: EntityManager, tenantId: string, at: Date, until: Date, after: QueuePosition | null, limit: number): Promise<QueuedLot[]> {
    const p = after ?? START;
    const rows = await m.query<QueuedLotRow[]>(
      `SELECT id, member_id, remaining, expires_at AS t, expires_at::text AS tk FROM lots
       WHERE tenant_id = $1 AND status = 'active' AND remaining > 0 AND expires_at IS NOT NULL AND expires_at > $2 AND expires_at <= $3
         AND warned_at IS NULL AND (expires_at, id) > ($4::timestamptz, $5::text)
       ORDER BY expires_at, id LIMIT $6`,
      [tenantId, at, until, p.t, p.id, limit],
    );
    return rows.map(toQueued);
  }

  /** Holds past their expiry at `at`, after `after` in (hold_expires_at, id) order. */
  async findExpiredHolds(m: EntityManager, tenantId: string, at: Date, after: QueuePosition | null, limit: number): Promise<QueuedHold[]> {
    const p = after ?? START;
    const rows = await m.query<HoldRow[]>(
      `SELECT id, member_id, points, allocations, hold_expires_at AS t, hold_expires_at::text AS tk FROM redemptions
       WHERE tenant_id = $1 AND status = 'held' AND hold_expires_at <= $2 AND (hold_expires_at, id) > ($3::timestamptz, $4::text)
       ORDER BY hold_expires_at, id LIMIT $5`,
      [tenantId, at, p.t, p.id, limit],
    );
    return rows.map(toHold);
  }

  /** The expiry instants of lots (a dry run's view of where released holds would go). */
  async findLotExpiries(m: EntityManager, tenantId: string, lotIds: readonly string[]): Promise<Map<string, Date | null>> {
    if (lotIds.length === 0) return new Map();
    const rows = await m.query<{ id: string; expires_at: Date | null }[]>(`SELECT id, expires_at FROM lots WHERE tenant_id = $1 AND id = ANY($2::text[])`, [
      tenantId,
      [...new Set(lotIds)],
    ]);
    return new Map(rows.map((r) => [r.id, r.expires_at]));
  }

  // --- locks --------------------------------------------------------------------------------------

  /**
   * Locks the members' accounts in member-id order (the order every writer of several accounts
   * uses, so batches and live operations never deadlock). Throws when a member with lots or
   * holds has no account: the cached balance could not follow the entries.
   */
  async lockAccounts(m: EntityManager, tenantId: string, memberIds: readonly string[]): Promise<void> {
    const ids = [...new Set(memberIds)].sort();
    if (ids.length === 0) return;
    const rows = await m.query<{ member_id: string }[]>(
      `SELECT member_id FROM accounts WHERE tenant_id = $1 AND member_id = ANY($2::uuid[]) ORDER BY member_id FOR UPDATE`,
      [tenantId, ids],
    );
    if (rows.length !== ids.length) {
      const found = new Set(rows.map((r) => r.member_id));
      throw new Error(`ledger inconsistency: no account for member ${ids.find((id) => !found.has(id))} of tenant ${tenantId}`);
    }
  }

  /** Locks the lots still pending and due at `at` (skipping lots another transaction holds: the next run takes them). */
  async lockLotsToActivate(m: EntityManager, tenantId: string, ids: readonly string[], at: Date): Promise<(LockedLot & { activatesAt: Date })[]> {
    const rows = await m.query<(LockedLotRow & { activates_at: Date })[]>(
      `WITH locked AS MATERIALIZED (${LOCK_BY_ID})
       SELECT id, member_id, points, remaining, expires_at, activates_at FROM locked WHERE status = 'pending' AND activates_at <= $3`,
      [tenantId, ids, at],
    );
    return rows.map((r) => ({ ...toLocked(r), activatesAt: r.activates_at }));
  }

  /** Locks the lots still active with points left and expired at `at` (skipping locked ones). */
  async lockLotsToExpire(m: EntityManager, tenantId: string, ids: readonly string[], at: Date): Promise<LockedLot[]> {
    const rows = await m.query<LockedLotRow[]>(
      `WITH locked AS MATERIALIZED (${LOCK_BY_ID})
       SELECT id, member_id, points, remaining, expires_at FROM locked WHERE status = 'active' AND remaining > 0 AND expires_at <= $3`,
      [tenantId, ids, at],
    );
    return rows.map(toLocked);
  }

  /** Locks the lots still due for a warning (skipping locked ones). */
  async lockLotsToWarn(m: EntityManager, tenantId: string, ids: readonly string[], at: Date, until: Date): Promise<LockedLot[]> {
    const rows = await m.query<LockedLotRow[]>(
      `WITH locked AS MATERIALIZED (${LOCK_BY_ID})
       SELECT id, member_id, points, remaining, expires_at FROM locked
       WHERE status = 'active' AND remaining > 0 AND expires_at > $3 AND expires_at <= $4 AND warned_at IS NULL`,
      [tenantId, ids, at, until],
    );
    return rows.map(toLocked);
  }

  /** Locks the holds still held and expired at `at` (skipping locked ones; by primary key, as {@link LOCK_BY_ID}). */
  async lockExpiredHolds(m: EntityManager, tenantId: string, ids: readonly string[], at: Date): Promise<QueuedHold[]> {
    const rows = await m.query<HoldRow[]>(
      `WITH locked AS MATERIALIZED (
         SELECT id, member_id, points, allocations, status, hold_expires_at FROM redemptions
         WHERE tenant_id = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE SKIP LOCKED)
       SELECT id, member_id, points, allocations, hold_expires_at AS t, hold_expires_at::text AS tk FROM locked
       WHERE status = 'held' AND hold_expires_at <= $3`,
      [tenantId, ids, at],
    );
    return rows.map(toHold);
  }

  /** Locks lots by id, waiting for them (their members' accounts are already locked). */
  async lockLots(m: EntityManager, tenantId: string, ids: readonly string[]): Promise<Map<string, LockedLot>> {
    if (ids.length === 0) return new Map();
    const rows = await m.query<LockedLotRow[]>(
      `SELECT id, member_id, points, remaining, expires_at FROM lots WHERE tenant_id = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
      [tenantId, [...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, toLocked(r)]));
  }

  /** The members' lots with points left, locked, as domain lots (for paying off a debt). */
  async lockOpenLots(m: EntityManager, tenantId: string, memberIds: readonly string[]): Promise<(Lot & { memberId: string })[]> {
    const rows = await m.query<(LockedLotRow & { status: 'pending' | 'active'; activates_at: Date | null; earned_at: Date })[]>(
      `SELECT id, member_id, points, remaining, status, activates_at, expires_at, earned_at FROM lots
       WHERE tenant_id = $1 AND member_id = ANY($2::uuid[]) AND remaining > 0 ORDER BY id FOR UPDATE`,
      [tenantId, memberIds],
    );
    return rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      points: Number(r.points),
      remaining: Number(r.remaining),
      status: r.status,
      activatesAt: r.activates_at,
      expiresAt: r.expires_at,
      earnedAt: r.earned_at,
    }));
  }

  // --- writes -------------------------------------------------------------------------------------

  /** Pending lots become active with their expiry. */
  async activateLots(m: EntityManager, tenantId: string, lots: readonly { id: string; expiresAt: Date | null }[]): Promise<void> {
    if (lots.length === 0) return;
    await m.query(
      `UPDATE lots l SET status = 'active', expires_at = v.expires_at
       FROM unnest($2::text[], $3::timestamptz[]) AS v(id, expires_at)
       WHERE l.tenant_id = $1 AND l.id = v.id`,
      [tenantId, lots.map((l) => l.id), lots.map((l) => l.expiresAt)],
    );
  }

  /** Adds signed amounts to lots' remaining points (one row per lot). */
  async shiftLots(m: EntityManager, tenantId: string, changes: readonly { id: string; points: number }[]): Promise<void> {
    if (changes.length === 0) return;
    await m.query(
      `UPDATE lots l SET remaining = l.remaining + v.points
       FROM unnest($2::text[], $3::bigint[]) AS v(id, points)
       WHERE l.tenant_id = $1 AND l.id = v.id`,
      [tenantId, changes.map((c) => c.id), changes.map((c) => c.points)],
    );
  }

  async markWarned(m: EntityManager, tenantId: string, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await m.query(`UPDATE lots SET warned_at = $3 WHERE tenant_id = $1 AND id = ANY($2::text[])`, [tenantId, ids, at]);
  }

  async markHoldsExpired(m: EntityManager, tenantId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await m.query(`UPDATE redemptions SET status = 'expired', updated_at = now() WHERE tenant_id = $1 AND id = ANY($2::text[])`, [tenantId, ids]);
  }

  /** Appends entries of one operation, in order (their `seq` follows it), dated `at`. */
  async insertEntries(m: EntityManager, tenantId: string, operation: string, at: Date, entries: readonly NewEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await m.query(
      `INSERT INTO ledger_entries (tenant_id, id, member_id, kind, points, operation, from_place, to_place, lot_id, created_at)
       SELECT $1, e.id, e.member_id, e.kind, e.points, $2, e.from_place, e.to_place, e.lot_id, $3
       FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::text[]) WITH ORDINALITY AS e(id, member_id, kind, points, from_place, to_place, lot_id, n)
       ORDER BY e.n`,
      [
        tenantId,
        operation,
        at,
        entries.map((e) => e.id),
        entries.map((e) => e.memberId),
        entries.map((e) => e.kind),
        entries.map((e) => e.points),
        entries.map((e) => e.from),
        entries.map((e) => e.to),
        entries.map((e) => e.lotId),
      ],
    );
  }

  /**
   * Adds the deltas to the members' cached balances (one delta per member), returning each
   * member's balances and debt afterwards. Throws when an account is missing (the batch then
   * rolls back).
   */
  async applyBalanceDeltas(m: EntityManager, tenantId: string, deltas: readonly BalanceDelta[]): Promise<Map<string, { balances: Balances; debt: number }>> {
    if (deltas.length === 0) return new Map();
    const col = (k: Exclude<Bucket, 'spent'>) => deltas.map((d) => d[k] ?? 0);
    const rows = returnedRows<Record<'member_id' | 'available' | 'pending' | 'held' | 'spent' | 'expired' | 'lifetime_earned' | 'debt', string>>(
      await m.query(
        `UPDATE accounts a SET available = a.available + d.available, pending = a.pending + d.pending, held = a.held + d.held,
           expired = a.expired + d.expired, updated_at = now()
         FROM unnest($2::uuid[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[]) AS d(member_id, available, pending, held, expired)
         WHERE a.tenant_id = $1 AND a.member_id = d.member_id
         RETURNING a.member_id, a.available, a.pending, a.held, a.spent, a.expired, a.lifetime_earned, a.debt`,
        [tenantId, deltas.map((d) => d.memberId), col('available'), col('pending'), col('held'), col('expired')],
      ),
    );
    if (rows.length !== deltas.length) throw new Error(`ledger inconsistency: ${deltas.length - rows.length} account(s) missing in tenant ${tenantId}`);
    return new Map(
      rows.map((r) => [
        r.member_id,
        {
          balances: {
            available: Number(r.available),
            pending: Number(r.pending),
            held: Number(r.held),
            spent: Number(r.spent),
            expired: Number(r.expired),
            lifetimeEarned: Number(r.lifetime_earned),
          },
          debt: Number(r.debt),
        },
      ]),
    );
  }

  /** Lowers members' debts by the points their lots paid off (the available figure does not change). */
  async reduceDebts(m: EntityManager, tenantId: string, paid: readonly { memberId: string; points: number }[]): Promise<void> {
    if (paid.length === 0) return;
    await m.query(
      `UPDATE accounts a SET debt = a.debt - d.points, updated_at = now()
       FROM unnest($2::uuid[], $3::bigint[]) AS d(member_id, points)
       WHERE a.tenant_id = $1 AND a.member_id = d.member_id`,
      [tenantId, paid.map((p) => p.memberId), paid.map((p) => p.points)],
    );
  }
}
