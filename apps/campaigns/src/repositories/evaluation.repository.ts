import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '@club/platform-db';
import type { CounterIncrement } from '../domain/rule-engine';

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
  async claim(m: EntityManager, tenantId: string, transactionId: string, requestHash: string, result: unknown): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO campaign_applications (tenant_id, transaction_id, request_hash, result) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING transaction_id`,
      [tenantId, transactionId, requestHash, JSON.stringify(result)],
    );
    return rows.length === 1;
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
