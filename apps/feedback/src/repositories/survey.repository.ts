import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SurveyRecord {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly createdAt: Date;
}

@Injectable()
export class SurveyRepository {
  constructor(private readonly ds: DataSource) {}

  async listSurveys(tenantId: string, status: string | null): Promise<SurveyRecord[]> {
    const rows = await this.ds.query<{ id: string; title: string; status: string; created_at: Date }[]>(
      `SELECT id, title, status, created_at FROM surveys WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at DESC LIMIT 500`,
      [tenantId, status],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, createdAt: r.created_at }));
  }
}
