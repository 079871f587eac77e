import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Calendar, Locale } from '@club/contracts';

export interface TenantRecord {
  readonly id: string;
  readonly name: string;
  readonly timezone: string;
  readonly calendar: Calendar;
  readonly currency: string;
  readonly locale: Locale;
  readonly createdAt: Date;
}

interface TenantRow {
  tenant_id: string;
  name: string;
  timezone: string;
  calendar: Calendar;
  currency: string;
  locale: Locale;
  created_at: Date;
}

const toRecord = (r: TenantRow): TenantRecord => ({
  id: r.tenant_id,
  name: r.name,
  timezone: r.timezone,
  calendar: r.calendar,
  currency: r.currency,
  locale: r.locale,
  createdAt: r.created_at,
});

@Injectable()
export class TenantRepository {
  constructor(private readonly ds: DataSource) {}

  async insertTenant(m: EntityManager, t: TenantRecord): Promise<void> {
    await m.query(
      `INSERT INTO tenants (tenant_id, name, timezone, calendar, currency, locale, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [t.id, t.name, t.timezone, t.calendar, t.currency, t.locale, t.createdAt],
    );
  }

  async insertApiKey(m: EntityManager, tenantId: string, keyHash: string): Promise<void> {
    await m.query(`INSERT INTO api_keys (tenant_id, key_hash) VALUES ($1, $2)`, [tenantId, keyHash]);
  }

  async findTenant(tenantId: string): Promise<TenantRecord | undefined> {
    const rows = await this.ds.query<TenantRow[]>(`SELECT * FROM tenants WHERE tenant_id = $1`, [tenantId]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** The tenant an active key belongs to: one primary-key lookup. */
  /** The tenant of an unrevoked key, and the key's label (who or what the key was issued to). */
  async findTenantByKey(tenantId: string, keyHash: string): Promise<{ tenant: TenantRecord; keyLabel: string } | undefined> {
    const rows = await this.ds.query<(TenantRow & { key_label: string })[]>(
      `SELECT t.*, k.label AS key_label FROM api_keys k JOIN tenants t ON t.tenant_id = k.tenant_id
       WHERE k.tenant_id = $1 AND k.key_hash = $2 AND k.revoked_at IS NULL`,
      [tenantId, keyHash],
    );
    return rows[0] ? { tenant: toRecord(rows[0]), keyLabel: rows[0].key_label } : undefined;
  }
}
