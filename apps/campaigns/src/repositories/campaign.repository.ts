import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface CampaignRecord {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly createdAt: Date;
}

@Injectable()
export class CampaignRepository {
  constructor(private readonly ds: DataSource) {}

  async listCampaigns(tenantId: string, status: string | null): Promise<CampaignRecord[]> {
    const rows = await this.ds.query<{ id: string; name: string; status: string; created_at: Date }[]>(
      `SELECT id, name, status, created_at FROM campaigns WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at DESC LIMIT 500`,
      [tenantId, status],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, createdAt: r.created_at }));
  }
}
