import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '@club/platform-db';
import type { CounterIncrement } from '../domain/rule-engine';

export interface LockedApplication {
  readonly amount: number;
  readonly amountReturned: number;
  readonly increments: readonly { readonly key: string; readonly by: number }[];
  readonly reversed: boolean;
}

/** Campaign counters and recorded checkout evaluations. Tenant first everywhere. */
@Injectable()
export class EvaluationRepository {
  constructor(private readonly ds: DataSource) {}

  async counters(tenantId: string, keys: readonly string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows = await this.ds.query<{ key: string; used: string }[]>(`SELECT key, used FROM campaign_counters WHERE tenant_id = $1 AND key = ANY($2::text[])`, [tenantId, keys]);
    return new Map(rows.map((r) => [r.key, Number(r.used)]));
  }

  async findApplication(m: EntityManager | undefined, tenantId: string, transactionId: string): Promise<{ requestHash: string; result: unknown } | undefined> {
    const rows = await (m ?? this.ds).query<{ request_hash: string; result: unknown }[]>(
      `SELECT request_hash, result FROM campaign_applications WHERE tenant_id = $1 AND transaction_id = $2`,
      [tenantId, transactionId],
    );
    return rows[0] ? { requestHash: rows[0].request_hash, result: rows[0].result } : undefined;
  }

  /** Claims the transaction; false when another request recorded it first. */
  async claim(
    m: EntityManager,
    tenantId: string,
    transactionId: string,
    requestHash: string,
    result: unknown,
    sale: { readonly memberId: string; readonly amount: number; readonly increments: readonly CounterIncrement[]; readonly facts?: unknown },
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO campaign_applications (tenant_id, transaction_id, request_hash, result, member_id, amount, increments, facts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING transaction_id`,
      [
        tenantId,
        transactionId,
        requestHash,
        JSON.stringify(result),
        sale.memberId,
        sale.amount,
        JSON.stringify(sale.increments.map((i) => ({ key: i.key, by: i.by }))),
        sale.facts === undefined ? null : JSON.stringify(sale.facts), // what a replay evaluates again
      ],
    );
    return rows.length === 1;
  }

  /** The recorded evaluation of a checkout, locked, for a void or a return. */
  async lockApplication(m: EntityManager, tenantId: string, transactionId: string): Promise<LockedApplication | undefined> {
    const rows = await m.query<{ amount: string; amount_returned: string; increments: { key: string; by: number }[]; reversed_at: Date | null }[]>(
      `SELECT amount, amount_returned, increments, reversed_at FROM campaign_applications WHERE tenant_id = $1 AND transaction_id = $2 FOR UPDATE`,
      [tenantId, transactionId],
    );
    const r = rows[0];
    return r && { amount: Number(r.amount), amountReturned: Number(r.amount_returned), increments: r.increments, reversed: r.reversed_at !== null };
  }

  async addReturned(m: EntityManager, tenantId: string, transactionId: string, amount: number): Promise<void> {
    await m.query(`UPDATE campaign_applications SET amount_returned = amount_returned + $3 WHERE tenant_id = $1 AND transaction_id = $2`, [tenantId, transactionId, amount]);
  }

  /** Takes a checkout's increments off the counters (never below zero) and marks it reversed. */
  async reverse(m: EntityManager, tenantId: string, transactionId: string, increments: readonly { key: string; by: number }[], by: 'void' | 'return', at: Date): Promise<void> {
    const sorted = [...increments].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)); // the lock order of raise()
    if (sorted.length > 0) {
      await m.query(
        `UPDATE campaign_counters c SET used = GREATEST(c.used - x.by, 0) FROM unnest($2::text[], $3::bigint[]) AS x(key, by) WHERE c.tenant_id = $1 AND c.key = x.key`,
        [tenantId, sorted.map((i) => i.key), sorted.map((i) => i.by)],
      );
    }
    await m.query(`UPDATE campaign_applications SET reversed_at = $3, reversed_by = $4 WHERE tenant_id = $1 AND transaction_id = $2`, [tenantId, transactionId, at, by]);
  }

  /** Raises every counter by its increment unless that would pass its max; false when any would (the caller rolls back). */
  async raise(m: EntityManager, tenantId: string, increments: readonly CounterIncrement[]): Promise<boolean> {
    if (increments.length === 0) return true;
    increments = [...increments].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)); // one lock order for every checkout
    await m.query(`INSERT INTO campaign_counters (tenant_id, key) SELECT $1, k FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING`, [tenantId, increments.map((i) => i.key)]);
    await m.query(`SELECT key FROM campaign_counters WHERE tenant_id = $1 AND key = ANY($2::text[]) ORDER BY key FOR UPDATE`, [tenantId, increments.map((i) => i.key)]);
    const raised = returnedRows<{ key: string }>(
      await m.query(
        `UPDATE campaign_counters c SET used = c.used + x.by FROM unnest($2::text[], $3::bigint[], $4::bigint[]) AS x(key, by, max)
         WHERE c.tenant_id = $1 AND c.key = x.key AND c.used + x.by <= x.max RETURNING c.key`,
        [tenantId, increments.map((i) => i.key), increments.map((i) => i.by), increments.map((i) => i.max)],
      ),
    );
    return raised.length === increments.length;
  }
}
