import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';

export interface MemberRecord {
  readonly id: string;
  readonly phone: string;
  readonly cardNumber: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly birthDate: string | null;
  readonly locale: 'fa' | 'en';
  readonly createdAt: Date;
}

interface MemberRow {
  id: string;
  phone: string;
  card_number: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  birth_date: string | null;
  locale: 'fa' | 'en';
  created_at: Date;
}

const COLUMNS = `m.id, m.phone, m.card_number, m.first_name, m.last_name, m.email, to_char(m.birth_date, 'YYYY-MM-DD') AS birth_date, m.locale, m.created_at`;

function toRecord(r: MemberRow): MemberRecord {
  return {
    id: r.id,
    phone: r.phone,
    cardNumber: r.card_number,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    birthDate: r.birth_date,
    locale: r.locale,
    createdAt: r.created_at,
  };
}

export type InsertOutcome = 'inserted' | 'phone-taken' | 'card-taken';

/** Members and cards. Tenant first in every method; each lookup is one indexed query. */
@Injectable()
export class MemberRepository {
  constructor(private readonly ds: DataSource) {}

  async insertMember(m: EntityManager, tenantId: string, member: MemberRecord): Promise<InsertOutcome> {
    try {
      await m.query('SAVEPOINT insert_member');
      await m.query(
        `INSERT INTO members (tenant_id, id, phone, card_number, first_name, last_name, email, birth_date, locale, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
        [tenantId, member.id, member.phone, member.cardNumber, member.firstName, member.lastName, member.email, member.birthDate, member.locale, member.createdAt],
      );
      await m.query(`INSERT INTO cards (tenant_id, card_number, member_id, issued_at) VALUES ($1, $2, $3, $4)`, [
        tenantId,
        member.cardNumber,
        member.id,
        member.createdAt,
      ]);
      await m.query('RELEASE SAVEPOINT insert_member');
      return 'inserted';
    } catch (err) {
      const constraint = err instanceof QueryFailedError ? (err.driverError as { constraint?: string }).constraint : undefined;
      if (constraint === 'members_phone' || constraint === 'cards_pkey') {
        await m.query('ROLLBACK TO SAVEPOINT insert_member');
        return constraint === 'members_phone' ? 'phone-taken' : 'card-taken';
      }
      throw err;
    }
  }

  async findById(tenantId: string, id: string): Promise<MemberRecord | undefined> {
    const rows = await this.ds.query<MemberRow[]>(`SELECT ${COLUMNS} FROM members m WHERE m.tenant_id = $1 AND m.id = $2`, [tenantId, id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async findByPhone(tenantId: string, phone: string): Promise<MemberRecord | undefined> {
    const rows = await this.ds.query<MemberRow[]>(`SELECT ${COLUMNS} FROM members m WHERE m.tenant_id = $1 AND m.phone = $2`, [tenantId, phone]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** The member an active card belongs to (blocked or replaced cards identify nobody). */
  async findByCard(tenantId: string, cardNumber: string): Promise<MemberRecord | undefined> {
    const rows = await this.ds.query<MemberRow[]>(
      `SELECT ${COLUMNS} FROM cards c JOIN members m ON m.tenant_id = c.tenant_id AND m.id = c.member_id
       WHERE c.tenant_id = $1 AND c.card_number = $2 AND c.status = 'active'`,
      [tenantId, cardNumber],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }
}
