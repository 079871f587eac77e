import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale, RenderedMessage } from '../domain/templates';

export interface InboxRecord extends RenderedMessage {
  readonly id: string;
  readonly memberId: string;
  readonly sourceEventId: string;
  readonly createdAt: Date;
}

export interface Recipient {
  readonly locale: Locale;
  readonly firstName: string | null;
}

@Injectable()
export class InboxRepository {
  constructor(private readonly ds: DataSource) {}

  async upsertRecipient(m: EntityManager, tenantId: string, memberId: string, r: Recipient): Promise<void> {
    await m.query(
      `INSERT INTO recipients (tenant_id, member_id, locale, first_name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, member_id) DO UPDATE SET locale = EXCLUDED.locale, first_name = EXCLUDED.first_name, updated_at = now()`,
      [tenantId, memberId, r.locale, r.firstName],
    );
  }

  async findRecipient(m: EntityManager, tenantId: string, memberId: string): Promise<Recipient | undefined> {
    const rows = await m.query<{ locale: Locale; first_name: string | null }[]>(`SELECT locale, first_name FROM recipients WHERE tenant_id = $1 AND member_id = $2`, [
      tenantId,
      memberId,
    ]);
    return rows[0] ? { locale: rows[0].locale, firstName: rows[0].first_name } : undefined;
  }

  /** Inserts a message once per source event and kind; a second delivery inserts nothing. */
  async insertMessage(m: EntityManager, tenantId: string, msg: InboxRecord): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO inbox_messages (tenant_id, id, member_id, kind, locale, title, body, source_event_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
      [tenantId, msg.id, msg.memberId, msg.kind, msg.locale, msg.title, msg.body, msg.sourceEventId, msg.createdAt],
    );
    return rows.length === 1;
  }

  async deleteMember(m: EntityManager, tenantId: string, memberId: string): Promise<void> {
    await m.query(`DELETE FROM inbox_messages WHERE tenant_id = $1 AND member_id = $2`, [tenantId, memberId]);
    await m.query(`DELETE FROM recipients WHERE tenant_id = $1 AND member_id = $2`, [tenantId, memberId]);
  }

  async listForMember(tenantId: string, memberId: string, limit: number): Promise<InboxRecord[]> {
    const rows = await this.ds.query<{
      id: string;
      member_id: string;
      kind: InboxRecord['kind'];
      locale: Locale;
      title: string;
      body: string;
      source_event_id: string;
      created_at: Date;
    }[]>(
      `SELECT id, member_id, kind, locale, title, body, source_event_id, created_at FROM inbox_messages
       WHERE tenant_id = $1 AND member_id = $2 ORDER BY created_at DESC, id LIMIT $3`,
      [tenantId, memberId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      kind: r.kind,
      locale: r.locale,
      title: r.title,
      body: r.body,
      sourceEventId: r.source_event_id,
      createdAt: r.created_at,
    }));
  }
}
