import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { OutboxInsert } from '@club/platform-kafka';
import type { EarnRate } from '../domain/earn';
import type { Balances, CheckoutRecord, EntryKind, LedgerError, Place, Redemption } from '../domain/ledger-model';
import type { Lot } from '../domain/lots';
import type { LineReturn, RecordedLine } from '../domain/returns';

/** The member's account row, locked for the transaction, with the tenant settings an operation reads. */
export interface LockedAccount {
  readonly balances: Balances;
  readonly debt: number;
  /** The stored ledger policy document (null: the defaults). */
  readonly policy: unknown;
  /** The tenant's flat earn rate (null: the currency default). */
  readonly earnRate: EarnRate | null;
  /** What was recorded under the operation's key, if anything (see {@link LedgerRepository.lockAccount}). */
  readonly operation?: StoredOperation;
}

/** What an operation answered, stored under its key: the response, or the rejection. */
export type StoredResult = { readonly ok: true; readonly response: Record<string, unknown> } | { readonly ok: false; readonly error: LedgerError };

export interface StoredOperation {
  readonly memberId: string;
  readonly payloadHash: string;
  readonly result: StoredResult;
}

export interface StoredRedemption {
  readonly memberId: string;
  readonly redemption: Redemption;
  readonly reason: string | null;
}

export interface StoredCheckout {
  readonly memberId: string;
  readonly storeId: string;
  readonly recordedAt: Date;
  readonly checkout: CheckoutRecord;
}

export interface EntryRow {
  readonly id: string;
  readonly kind: EntryKind;
  readonly points: number;
  readonly from: Place | null;
  readonly to: Place | null;
  readonly operation: string;
  readonly lotId: string | null;
  readonly transactionId: string | null;
  readonly reason: string | null;
  readonly operator: string | null;
  /** Earn entries: the base rate's part and the campaign effects that gave points. */
  readonly provenance?: object | null;
}

export interface StatementEntry extends Omit<EntryRow, 'lotId' | 'transactionId'> {
  readonly seq: number;
  readonly createdAt: Date;
}

/** Facts of a new checkout the model does not keep. */
export interface CheckoutFacts {
  readonly requestHash: string;
  readonly storeId: string;
  readonly amount: number;
  readonly currency: string;
  /** The part of the points the campaigns gave, and every effect applied (with provenance). */
  readonly campaignPoints?: number;
  readonly campaignEffects?: readonly object[];
}

export interface AuditRecord {
  readonly id: string;
  readonly operator: string;
  readonly action: string;
  readonly memberId: string | null;
  readonly details: Record<string, unknown>;
}

/** Everything one applied operation writes, in one statement. */
export interface LedgerWrite {
  readonly at: Date;
  readonly entries: readonly EntryRow[];
  readonly newLots: readonly (Lot & { readonly transactionId: string | null })[];
  readonly changedLots: readonly { readonly id: string; readonly remainingDelta: number; readonly status: Lot['status']; readonly expiresAt: Date | null }[];
  readonly newRedemptions: readonly (Redemption & { readonly reason: string | null })[];
  readonly changedRedemptions: readonly Redemption[];
  readonly newCheckouts: readonly (CheckoutRecord & CheckoutFacts)[];
  readonly changedCheckouts: readonly CheckoutRecord[];
  readonly balanceDelta: Balances;
  readonly debtDelta: number;
  readonly operation: { readonly key: string; readonly payloadHash: string; readonly result: StoredResult };
  readonly audit: readonly AuditRecord[];
  /** The operation's events, written to the outbox by the same statement. */
  readonly events?: OutboxInsert;
}

type BalanceColumns = { available: string; pending: string; held: string; lifetime_earned: string; spent: string; expired: string };
type LotColumns = { id: string; points: string; remaining: string; status: Lot['status']; activates_at: Date | null; expires_at: Date | null; earned_at: Date };

const ZERO: Balances = { available: 0, pending: 0, held: 0, lifetimeEarned: 0, spent: 0, expired: 0 };

function toBalances(r: BalanceColumns): Balances {
  return {
    available: Number(r.available),
    pending: Number(r.pending),
    held: Number(r.held),
    lifetimeEarned: Number(r.lifetime_earned),
    spent: Number(r.spent),
    expired: Number(r.expired),
  };
}

function toLot(r: LotColumns): Lot {
  return {
    id: r.id,
    points: Number(r.points),
    remaining: Number(r.remaining),
    status: r.status,
    activatesAt: r.activates_at,
    expiresAt: r.expires_at,
    earnedAt: r.earned_at,
  };
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** The node-postgres client under a transaction's query runner. */
interface PgClient {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs `text` in the transaction as a named prepared statement, so each connection parses and
 * plans it once (planning the multi-CTE write costs more than running it); other texts, or a
 * manager without a connection, run as plain queries.
 */
async function prepared<T>(m: EntityManager, text: string, params: readonly unknown[]): Promise<T[]> {
  const client = (m.queryRunner as unknown as { databaseConnection?: PgClient } | undefined)?.databaseConnection;
  if (!client) return m.query<T[]>(text, [...params]);
  const name = `points_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  return (await client.query({ name, text, values: params })).rows as T[];
}

/**
 * Every table the ledger touches. Methods take the tenant first and scope every query by it;
 * bigint columns come back as numbers. The writes of an operation run in the caller's
 * transaction after {@link lockAccount}.
 */
@Injectable()
export class LedgerRepository {
  constructor(private readonly ds: DataSource) {}

  async findEarnRate(tenantId: string): Promise<EarnRate | undefined> {
    const rows = await this.ds.query<{ points: number; per: string }[]>(
      `SELECT earn_points::int AS points, earn_per_amount::bigint AS per FROM tenant_settings WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows[0] ? { points: rows[0].points, perAmount: Number(rows[0].per) } : undefined;
  }

  async upsertEarnRate(tenantId: string, rate: EarnRate): Promise<void> {
    await this.ds.query(
      `INSERT INTO tenant_settings (tenant_id, earn_points, earn_per_amount) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET earn_points = EXCLUDED.earn_points, earn_per_amount = EXCLUDED.earn_per_amount, updated_at = now()`,
      [tenantId, rate.points, rate.perAmount],
    );
  }

  /**
   * Locks the member's account row for the transaction (creating it at zero), so one member's
   * operations apply one at a time; answers its balances with the tenant's policy and earn rate
   * and what was recorded under the operation's key `opKey`, all in one round trip.
   *
   * The key is looked up in the statement's snapshot, taken before the lock is granted: when the
   * lock waited for a concurrent transaction of the same member that recorded `opKey`, that
   * record is not seen here. The operation's write then fails on the key's unique index, and the
   * service runs it again, which answers the record (as for a concurrent first writer of the
   * same id under another member).
   */
  async lockAccount(m: EntityManager, tenantId: string, memberId: string, opKey: string): Promise<LockedAccount> {
    const rows = await prepared<
      BalanceColumns & {
        debt: string;
        policy: unknown;
        earn_rate: { points: number; perAmount: number } | null;
        op_member_id: string | null;
        op_payload_hash: string | null;
        op_result: StoredResult | null;
      }
    >(
      m,
      `WITH account AS (
         INSERT INTO accounts (tenant_id, member_id) VALUES ($1, $2)
         ON CONFLICT (tenant_id, member_id) DO UPDATE SET updated_at = accounts.updated_at
         RETURNING available, pending, held, lifetime_earned, spent, expired, debt)
       SELECT a.available, a.pending, a.held, a.lifetime_earned, a.spent, a.expired, a.debt,
         (SELECT policy FROM ledger_policies WHERE tenant_id = $1) AS policy,
         (SELECT json_build_object('points', earn_points, 'perAmount', earn_per_amount) FROM tenant_settings WHERE tenant_id = $1) AS earn_rate,
         o.member_id AS op_member_id, o.payload_hash AS op_payload_hash, o.result AS op_result
       FROM account a LEFT JOIN ledger_operations o ON o.tenant_id = $1 AND o.op_key = $3`,
      [tenantId, memberId, opKey],
    );
    const r = rows[0];
    return {
      balances: toBalances(r),
      debt: Number(r.debt),
      policy: r.policy,
      earnRate: r.earn_rate ? { points: Number(r.earn_rate.points), perAmount: Number(r.earn_rate.perAmount) } : null,
      ...(r.op_member_id !== null && r.op_payload_hash !== null && r.op_result !== null
        ? { operation: { memberId: r.op_member_id, payloadHash: r.op_payload_hash, result: r.op_result } }
        : {}),
    };
  }

  /** The member an earlier operation under one of `keys` was recorded for (e.g. a rejected hold). */
  async findOperationMember(m: EntityManager, tenantId: string, keys: readonly string[]): Promise<string | undefined> {
    const rows = await m.query<{ member_id: string }[]>(
      `SELECT member_id FROM ledger_operations WHERE tenant_id = $1 AND op_key = ANY($2::text[]) ORDER BY created_at LIMIT 1`,
      [tenantId, keys],
    );
    return rows[0]?.member_id;
  }

  /** Records a rejected operation's outcome (nothing else changes). */
  async insertOperation(m: EntityManager, tenantId: string, memberId: string, at: Date, op: LedgerWrite['operation']): Promise<void> {
    await m.query(
      `INSERT INTO ledger_operations (tenant_id, op_key, member_id, payload_hash, result, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [tenantId, op.key, memberId, op.payloadHash, JSON.stringify(op.result), at],
    );
  }

  async findRedemption(m: EntityManager, tenantId: string, id: string): Promise<StoredRedemption | undefined> {
    const rows = await m.query<
      { member_id: string; id: string; points: string; status: Redemption['status']; allocations: Redemption['allocations']; refunded: Redemption['refunded']; hold_expires_at: Date | null; reason: string | null }[]
    >(`SELECT member_id, id, points, status, allocations, refunded, hold_expires_at, reason FROM redemptions WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    const r = rows[0];
    if (!r) return undefined;
    return {
      memberId: r.member_id,
      reason: r.reason,
      redemption: { id: r.id, points: Number(r.points), allocations: r.allocations, status: r.status, holdExpiresAt: r.hold_expires_at, refunded: r.refunded },
    };
  }

  async findCheckout(m: EntityManager, tenantId: string, transactionId: string): Promise<StoredCheckout | undefined> {
    const rows = await m.query<
      {
        member_id: string;
        store_id: string;
        lot_id: string | null;
        lines: RecordedLine[];
        redemption_id: string | null;
        returns: LineReturn[];
        points_earned: string;
        points_reversed: string;
        points_refunded: string;
        created_at: Date;
      }[]
    >(
      `SELECT member_id, store_id, created_at, lot_id, lines, redemption_id, returns, points_earned, points_reversed, points_refunded
       FROM checkouts WHERE tenant_id = $1 AND transaction_id = $2`,
      [tenantId, transactionId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      memberId: r.member_id,
      storeId: r.store_id,
      recordedAt: r.created_at,
      checkout: {
        transactionId,
        lotId: r.lot_id,
        lines: r.lines,
        redemptionId: r.redemption_id,
        returns: r.returns,
        pointsEarned: Number(r.points_earned),
        pointsReversed: Number(r.points_reversed),
        pointsRefunded: Number(r.points_refunded),
      },
    };
  }

  /**
   * A member's lots: those named by `ids` (whatever their state) and, with `spendable`, the lots
   * spendable at `spendable.at` in spending order (`ORDER BY expires_at NULLS LAST, earned_at,
   * id`, as `compareLots`) — all of them, or with `need` only the shortest prefix holding at
   * least `need` points, which is all an allocation of `need` points can touch.
   */
  async loadLots(
    m: EntityManager,
    tenantId: string,
    memberId: string,
    ids: readonly string[],
    spendable: { readonly at: Date; readonly need: number | null } | null,
  ): Promise<Lot[]> {
    if (ids.length === 0 && spendable === null) return [];
    const columns = `id, points, remaining, status, activates_at, expires_at, earned_at`;
    const rows = await m.query<LotColumns[]>(
      `SELECT ${columns} FROM lots WHERE tenant_id = $1 AND member_id = $2 AND id = ANY($3::text[])
       UNION ALL
       SELECT ${columns} FROM (
         SELECT ${columns},
                sum(remaining) OVER (ORDER BY date_trunc('milliseconds', expires_at) NULLS LAST, date_trunc('milliseconds', earned_at), id COLLATE "C"
                                     ROWS UNBOUNDED PRECEDING) AS running
         FROM lots
         WHERE tenant_id = $1 AND member_id = $2 AND $4::boolean AND remaining > 0 AND status = 'active' AND (expires_at IS NULL OR expires_at > $5)
       ) s
       WHERE $6::bigint IS NULL OR running - remaining < $6`,
      [tenantId, memberId, ids, spendable !== null, spendable?.at ?? new Date(0), spendable?.need ?? null],
    );
    return rows.map(toLot);
  }

  /**
   * Writes an applied operation — entries, lots, redemptions, checkouts, balances, audit, its
   * events (outbox) and its outcome — in one statement of data-modifying CTEs, with only the
   * parts the operation needs (planning the statement is most of its cost on the till's path).
   */
  async applyChanges(m: EntityManager, tenantId: string, memberId: string, w: LedgerWrite): Promise<void> {
    const params: unknown[] = [tenantId, memberId, w.at];
    const param = (value: unknown) => `$${params.push(value)}`;
    const json = (rows: readonly object[]) => param(JSON.stringify(rows));
    const parts: string[] = [];
    if (w.entries.length > 0) {
      parts.push(`entries AS (
         INSERT INTO ledger_entries (tenant_id, id, member_id, kind, points, transaction_id, created_at, operation, from_place, to_place, lot_id, reason, operator, provenance)
         SELECT $1, x.id, $2, x.kind, x.points, x.transaction_id, $3, x.operation, x.from_place, x.to_place, x.lot_id, x.reason, x.operator, x.provenance
         FROM ROWS FROM (jsonb_to_recordset(${json(
           w.entries.map((e) => ({
             id: e.id,
             kind: e.kind,
             points: e.points,
             transaction_id: e.transactionId,
             operation: e.operation,
             from_place: e.from,
             to_place: e.to,
             lot_id: e.lotId,
             reason: e.reason,
             operator: e.operator,
             provenance: e.provenance ?? null,
           })),
         )}::jsonb) AS (id uuid, kind text, points bigint, transaction_id text, operation text, from_place text, to_place text, lot_id text, reason text, operator text, provenance jsonb))
           WITH ORDINALITY AS x(id, kind, points, transaction_id, operation, from_place, to_place, lot_id, reason, operator, provenance, n)
         ORDER BY x.n)`);
    }
    if (w.newLots.length > 0) {
      parts.push(`new_lots AS (
         INSERT INTO lots (tenant_id, id, member_id, points, remaining, status, activates_at, expires_at, earned_at, transaction_id)
         SELECT $1, x.id, $2, x.points, x.remaining, x.status, x.activates_at, x.expires_at, x.earned_at, x.transaction_id
         FROM jsonb_to_recordset(${json(
           w.newLots.map((l) => ({
             id: l.id,
             points: l.points,
             remaining: l.remaining,
             status: l.status,
             activates_at: iso(l.activatesAt),
             expires_at: iso(l.expiresAt),
             earned_at: iso(l.earnedAt),
             transaction_id: l.transactionId,
           })),
         )}::jsonb)
           AS x(id text, points bigint, remaining bigint, status text, activates_at timestamptz, expires_at timestamptz, earned_at timestamptz, transaction_id text))`);
    }
    if (w.changedLots.length > 0) {
      parts.push(`changed_lots AS (
         UPDATE lots l SET remaining = l.remaining + x.remaining_delta, status = x.status, expires_at = x.expires_at
         FROM jsonb_to_recordset(${json(w.changedLots.map((l) => ({ id: l.id, remaining_delta: l.remainingDelta, status: l.status, expires_at: iso(l.expiresAt) })))}::jsonb)
           AS x(id text, remaining_delta bigint, status text, expires_at timestamptz)
         WHERE l.tenant_id = $1 AND l.id = x.id AND l.member_id = $2)`);
    }
    if (w.newRedemptions.length > 0) {
      parts.push(`new_redemptions AS (
         INSERT INTO redemptions (tenant_id, id, member_id, points, status, allocations, refunded, hold_expires_at, reason, created_at, updated_at)
         SELECT $1, x.id, $2, x.points, x.status, x.allocations, x.refunded, x.hold_expires_at, x.reason, $3, $3
         FROM jsonb_to_recordset(${json(
           w.newRedemptions.map((r) => ({
             id: r.id,
             points: r.points,
             status: r.status,
             allocations: r.allocations,
             refunded: r.refunded,
             hold_expires_at: iso(r.holdExpiresAt),
             reason: r.reason,
           })),
         )}::jsonb) AS x(id text, points bigint, status text, allocations jsonb, refunded jsonb, hold_expires_at timestamptz, reason text))`);
    }
    if (w.changedRedemptions.length > 0) {
      parts.push(`changed_redemptions AS (
         UPDATE redemptions r SET status = x.status, refunded = x.refunded, updated_at = $3
         FROM jsonb_to_recordset(${json(w.changedRedemptions.map((r) => ({ id: r.id, status: r.status, refunded: r.refunded })))}::jsonb) AS x(id text, status text, refunded jsonb)
         WHERE r.tenant_id = $1 AND r.id = x.id AND r.member_id = $2)`);
    }
    if (w.newCheckouts.length > 0) {
      parts.push(`new_checkouts AS (
         INSERT INTO checkouts (tenant_id, transaction_id, request_hash, member_id, store_id, amount, currency, points_earned, lines, lot_id, redemption_id, points_redeemed,
                                created_at, campaign_points, campaign_effects)
         SELECT $1, x.transaction_id, x.request_hash, $2, x.store_id, x.amount, x.currency, x.points_earned, x.lines, x.lot_id, x.redemption_id, x.points_redeemed,
                $3, x.campaign_points, x.campaign_effects
         FROM jsonb_to_recordset(${json(
           w.newCheckouts.map((c) => ({
             transaction_id: c.transactionId,
             request_hash: c.requestHash,
             store_id: c.storeId,
             amount: c.amount,
             currency: c.currency,
             points_earned: c.pointsEarned,
             lines: c.lines,
             lot_id: c.lotId,
             redemption_id: c.redemptionId,
             points_redeemed: c.lines.reduce((s, l) => s + l.pointsRedeemed, 0),
             campaign_points: c.campaignPoints ?? 0,
             campaign_effects: c.campaignEffects ?? [],
           })),
         )}::jsonb)
           AS x(transaction_id text, request_hash text, store_id text, amount bigint, currency text, points_earned bigint, lines jsonb, lot_id text, redemption_id text,
                points_redeemed bigint, campaign_points bigint, campaign_effects jsonb))`);
    }
    if (w.changedCheckouts.length > 0) {
      parts.push(`changed_checkouts AS (
         UPDATE checkouts c SET returns = x.returns, points_reversed = x.points_reversed, points_refunded = x.points_refunded
         FROM jsonb_to_recordset(${json(
           w.changedCheckouts.map((c) => ({ transaction_id: c.transactionId, returns: c.returns, points_reversed: c.pointsReversed, points_refunded: c.pointsRefunded })),
         )}::jsonb) AS x(transaction_id text, returns jsonb, points_reversed bigint, points_refunded bigint)
         WHERE c.tenant_id = $1 AND c.transaction_id = x.transaction_id AND c.member_id = $2)`);
    }
    const d = w.balanceDelta;
    if (Object.values(d).some((n) => n !== 0) || w.debtDelta !== 0) {
      parts.push(`account AS (
         UPDATE accounts
         SET available = available + ${param(d.available)}, pending = pending + ${param(d.pending)}, held = held + ${param(d.held)},
             lifetime_earned = lifetime_earned + ${param(d.lifetimeEarned)}, spent = spent + ${param(d.spent)}, expired = expired + ${param(d.expired)},
             debt = debt + ${param(w.debtDelta)}, updated_at = $3
         WHERE tenant_id = $1 AND member_id = $2)`);
    }
    if (w.audit.length > 0) {
      parts.push(`audit AS (
         INSERT INTO audit_log (tenant_id, id, at, operator, action, member_id, details)
         SELECT $1, x.id, $3, x.operator, x.action, x.member_id, x.details
         FROM jsonb_to_recordset(${json(w.audit.map((a) => ({ id: a.id, operator: a.operator, action: a.action, member_id: a.memberId, details: a.details })))}::jsonb)
           AS x(id uuid, operator text, action text, member_id uuid, details jsonb))`);
    }
    if (w.events && w.events.envelopes.length > 0) {
      parts.push(`events AS (
         ${w.events.sql(param)})`);
    }
    const op = w.operation;
    await prepared(
      m,
      `${parts.length > 0 ? `WITH ${parts.join(',\n')}\n` : ''}INSERT INTO ledger_operations (tenant_id, op_key, member_id, payload_hash, result, created_at)
       VALUES ($1, ${param(op.key)}, $2, ${param(op.payloadHash)}, ${param(JSON.stringify(op.result))}, $3)`,
      params,
    );
  }

  async findBalance(tenantId: string, memberId: string): Promise<Balances> {
    const rows = await this.ds.query<BalanceColumns[]>(
      `SELECT available, pending, held, lifetime_earned, spent, expired FROM accounts WHERE tenant_id = $1 AND member_id = $2`,
      [tenantId, memberId],
    );
    return rows[0] ? toBalances(rows[0]) : ZERO;
  }

  /** A member's entries newest first, before the entry `beforeSeq` (exclusive) when given. */
  async listEntries(tenantId: string, memberId: string, beforeSeq: number | null, limit: number): Promise<StatementEntry[]> {
    const rows = await this.ds.query<
      { seq: string; id: string; kind: EntryKind; points: string; from_place: Place | null; to_place: Place | null; operation: string; reason: string | null; operator: string | null; created_at: Date }[]
    >(
      `SELECT seq, id, kind, points, from_place, to_place, operation, reason, operator, created_at
       FROM ledger_entries WHERE tenant_id = $1 AND member_id = $2 AND ($3::bigint IS NULL OR seq < $3)
       ORDER BY seq DESC LIMIT $4`,
      [tenantId, memberId, beforeSeq, limit],
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      id: r.id,
      kind: r.kind,
      points: Number(r.points),
      from: r.from_place,
      to: r.to_place,
      operation: r.operation,
      reason: r.reason,
      operator: r.operator,
      createdAt: r.created_at,
    }));
  }

  async findPolicy(tenantId: string): Promise<unknown> {
    const rows = await this.ds.query<{ policy: unknown }[]>(`SELECT policy FROM ledger_policies WHERE tenant_id = $1`, [tenantId]);
    return rows[0]?.policy ?? null;
  }

  /** Saves the tenant's policy and audits the change, in one transaction; answers the policy it replaced. */
  async savePolicy(m: EntityManager, tenantId: string, policy: unknown, at: Date, audit: Omit<AuditRecord, 'details'>): Promise<unknown> {
    const before = await m.query<{ policy: unknown }[]>(`SELECT policy FROM ledger_policies WHERE tenant_id = $1 FOR UPDATE`, [tenantId]);
    await m.query(
      `INSERT INTO ledger_policies (tenant_id, policy, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET policy = EXCLUDED.policy, updated_at = EXCLUDED.updated_at`,
      [tenantId, JSON.stringify(policy), at],
    );
    const previous = before[0]?.policy ?? null;
    await m.query(`INSERT INTO audit_log (tenant_id, id, at, operator, action, member_id, details) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      tenantId,
      audit.id,
      at,
      audit.operator,
      audit.action,
      audit.memberId,
      JSON.stringify({ before: previous, after: policy }),
    ]);
    return previous;
  }
}
