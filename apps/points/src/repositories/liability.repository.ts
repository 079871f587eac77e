import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A tenant's outstanding points by bucket (`available` counts the spendable lots: before debts). */
export interface OutstandingPoints {
  readonly available: number;
  readonly pending: number;
  readonly held: number;
  readonly debt: number;
}

type Row = Record<keyof OutstandingPoints, string | null>;

const toPoints = (r: Row | undefined): OutstandingPoints => ({
  available: Number(r?.available ?? 0),
  pending: Number(r?.pending ?? 0),
  held: Number(r?.held ?? 0),
  debt: Number(r?.debt ?? 0),
});

/** The liability report's aggregates. */
@Injectable()
export class LiabilityRepository {
  constructor(private readonly ds: DataSource) {}

  /** Now, from the cached balances (one row per member). `available` there is net of debt; the debt is added back. */
  async outstandingNow(tenantId: string): Promise<OutstandingPoints> {
    const rows = await this.ds.query<Row[]>(
      `SELECT sum(available + debt) AS available, sum(pending) AS pending, sum(held) AS held, sum(debt) AS debt FROM accounts WHERE tenant_id = $1`,
      [tenantId],
    );
    return toPoints(rows[0]);
  }

  /**
   * At `at`, from the entries written up to it, in one pass over the tenant's entries by
   * (tenant_id, created_at): each bucket is the points moved into it minus those moved out. The
   * available bucket is net of debt (a reversal beyond the lots moves points out of available
   * with no lot); the debt is those reversals minus the `settle` memos that paid them off, added
   * back so `available` counts the spendable lots, as now.
   */
  async outstandingAt(tenantId: string, at: Date): Promise<OutstandingPoints> {
    const rows = await this.ds.query<Row[]>(
      `SELECT a.available + a.debt AS available, a.pending, a.held, a.debt FROM (
         SELECT coalesce(sum(points) FILTER (WHERE to_place = 'available'), 0) - coalesce(sum(points) FILTER (WHERE from_place = 'available'), 0) AS available,
                coalesce(sum(points) FILTER (WHERE to_place = 'pending'), 0) - coalesce(sum(points) FILTER (WHERE from_place = 'pending'), 0) AS pending,
                coalesce(sum(points) FILTER (WHERE to_place = 'held'), 0) - coalesce(sum(points) FILTER (WHERE from_place = 'held'), 0) AS held,
                coalesce(sum(points) FILTER (WHERE kind = 'reverse' AND lot_id IS NULL), 0) - coalesce(sum(points) FILTER (WHERE kind = 'settle'), 0) AS debt
         FROM ledger_entries WHERE tenant_id = $1 AND created_at <= $2) a`,
      [tenantId, at],
    );
    return toPoints(rows[0]);
  }
}
