import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CampaignInput } from '@club/contracts';
import type { StoredState } from '../domain/campaign-lifecycle';

export interface CampaignRecord {
  readonly id: string;
  readonly state: StoredState;
  readonly version: number;
  readonly definition: CampaignInput;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface Row {
  id: string;
  state: StoredState;
  version: number;
  definition: CampaignInput;
  created_at: Date;
  updated_at: Date;
}

const toRecord = (r: Row): CampaignRecord => ({ id: r.id, state: r.state, version: r.version, definition: r.definition, createdAt: r.created_at, updatedAt: r.updated_at });

const SELECT = `SELECT c.id, c.state, c.version, v.definition, c.created_at, c.updated_at
  FROM campaigns c JOIN campaign_versions v ON v.tenant_id = c.tenant_id AND v.campaign_id = c.id AND v.version = c.version`;

/** Campaign headers, their versions (append-only) and history. Tenant first everywhere. */
@Injectable()
export class CampaignRepository {
  constructor(private readonly ds: DataSource) {}

  get dataSource(): DataSource {
    return this.ds;
  }

  async insert(m: EntityManager, tenantId: string, id: string, definition: CampaignInput, operator: string): Promise<void> {
    await m.query(`INSERT INTO campaigns (tenant_id, id, name, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)`, [tenantId, id, definition.name, definition.startsAt, definition.endsAt]);
    await m.query(`INSERT INTO campaign_versions (tenant_id, campaign_id, version, definition, created_by) VALUES ($1, $2, 1, $3, $4)`, [tenantId, id, JSON.stringify(definition), operator]);
    await this.record(m, tenantId, id, 'create', 1, operator);
  }

  async lock(m: EntityManager, tenantId: string, id: string): Promise<CampaignRecord | undefined> {
    const rows = await m.query<Row[]>(`${SELECT} WHERE c.tenant_id = $1 AND c.id = $2 FOR UPDATE OF c`, [tenantId, id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async find(tenantId: string, id: string): Promise<CampaignRecord | undefined> {
    const rows = await this.ds.query<Row[]>(`${SELECT} WHERE c.tenant_id = $1 AND c.id = $2`, [tenantId, id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async list(tenantId: string): Promise<CampaignRecord[]> {
    const rows = await this.ds.query<Row[]>(`${SELECT} WHERE c.tenant_id = $1 ORDER BY c.created_at DESC LIMIT 500`, [tenantId]);
    return rows.map(toRecord);
  }

  /** Every published campaign of the tenant, for the evaluation cache. */
  async listPublished(tenantId: string): Promise<CampaignRecord[]> {
    const rows = await this.ds.query<Row[]>(`${SELECT} WHERE c.tenant_id = $1 AND c.state = 'published'`, [tenantId]);
    return rows.map(toRecord);
  }

  async addVersion(m: EntityManager, tenantId: string, id: string, version: number, definition: CampaignInput, operator: string): Promise<void> {
    await m.query(`INSERT INTO campaign_versions (tenant_id, campaign_id, version, definition, created_by) VALUES ($1, $2, $3, $4, $5)`, [tenantId, id, version, JSON.stringify(definition), operator]);
    await m.query(`UPDATE campaigns SET version = $3, name = $4, starts_at = $5, ends_at = $6, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
      version,
      definition.name,
      definition.startsAt,
      definition.endsAt,
    ]);
    await this.record(m, tenantId, id, 'save', version, operator);
  }

  async setState(m: EntityManager, tenantId: string, id: string, state: StoredState, action: string, version: number, operator: string): Promise<void> {
    await m.query(`UPDATE campaigns SET state = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, state]);
    await this.record(m, tenantId, id, action, version, operator);
  }

  async history(tenantId: string, id: string): Promise<{ at: Date; action: string; version: number; operator: string }[]> {
    return this.ds.query(`SELECT at, action, version, operator FROM campaign_history WHERE tenant_id = $1 AND campaign_id = $2 ORDER BY seq`, [tenantId, id]);
  }

  private async record(m: EntityManager, tenantId: string, id: string, action: string, version: number, operator: string): Promise<void> {
    await m.query(`INSERT INTO campaign_history (tenant_id, campaign_id, action, version, operator) VALUES ($1, $2, $3, $4, $5)`, [tenantId, id, action, version, operator]);
  }
}
