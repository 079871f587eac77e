import { Injectable } from '@nestjs/common';
import { returnedRows } from '@club/platform-db';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { AttributeDef, AttributeValue, ProfileState } from '../domain/profile';

export interface MemberRecord extends ProfileState {
  readonly id: string;
  readonly phone: string;
  readonly cardNumber: string;
  readonly version: number;
  readonly referralCode: string;
  readonly referredBy: string | null;
  readonly journeyStage: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
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
  gender: string | null;
  marital_status: string | null;
  economic_band: string | null;
  interests: string[];
  lifestyle: string[];
  preferred_channels: string[];
  primary_need: string | null;
  secondary_needs: string[];
  join_reason: string | null;
  competitor_experience: string | null;
  attributes: Record<string, AttributeValue>;
  version: number;
  referral_code: string;
  referred_by: string | null;
  journey_stage: string;
  created_at: Date;
  updated_at: Date;
}

/** A member as the till path sees it (see {@link MemberRepository.findAtTill}). */
export interface TillFacts {
  readonly id: string;
  readonly createdAt: Date;
  readonly journeyStage: string;
  readonly attributes: Record<string, AttributeValue>;
  readonly birthDate: string | null;
  readonly tier: { readonly code: string; readonly since: Date; readonly graceUntil: Date | null; readonly ladderVersion: number } | undefined;
  readonly segments: readonly string[];
  readonly personas: readonly string[];
}

interface TillFactsRow {
  id: string;
  created_at: Date;
  journey_stage: string;
  attributes: Record<string, AttributeValue>;
  birth_date: string | null;
  tier_code: string | null;
  tier_since: Date | null;
  tier_grace_until: Date | null;
  tier_ladder_version: number | null;
  segments: string[];
}

const COLUMNS = `m.id, m.phone, m.card_number, m.first_name, m.last_name, m.email, to_char(m.birth_date, 'YYYY-MM-DD') AS birth_date,
  m.locale, m.gender, m.marital_status, m.economic_band, m.interests, m.lifestyle, m.preferred_channels, m.primary_need,
  m.secondary_needs, m.join_reason, m.competitor_experience, m.attributes, m.version, m.referral_code, m.referred_by, m.journey_stage,
  m.created_at, m.updated_at`;

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
    gender: r.gender,
    maritalStatus: r.marital_status,
    economicBand: r.economic_band,
    interests: r.interests,
    lifestyle: r.lifestyle,
    preferredChannels: r.preferred_channels,
    primaryNeed: r.primary_need,
    secondaryNeeds: r.secondary_needs,
    joinReason: r.join_reason,
    competitorExperience: r.competitor_experience,
    attributes: r.attributes,
    version: r.version,
    referralCode: r.referral_code,
    referredBy: r.referred_by,
    journeyStage: r.journey_stage,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type InsertOutcome = 'inserted' | 'phone-taken' | 'card-taken' | 'email-taken' | 'code-taken';

export interface ConsentRecord {
  readonly channel: string;
  readonly granted: boolean;
  readonly source: string;
  readonly recordedAt: Date;
}

export interface CardRecord {
  readonly cardNumber: string;
  readonly memberId: string;
  readonly status: 'active' | 'blocked' | 'replaced';
  readonly issuedAt: Date;
  readonly replacedBy: string | null;
}

interface CardRow {
  card_number: string;
  member_id: string;
  status: CardRecord['status'];
  issued_at: Date;
  replaced_by: string | null;
}

const toCard = (r: CardRow): CardRecord => ({
  cardNumber: r.card_number,
  memberId: r.member_id,
  status: r.status,
  issuedAt: r.issued_at,
  replacedBy: r.replaced_by,
});

/** Maps a unique violation to what it means for the caller; rethrows anything else. */
function uniqueViolation(err: unknown): Exclude<InsertOutcome, 'inserted'> | undefined {
  const constraint = err instanceof QueryFailedError ? (err.driverError as { constraint?: string }).constraint : undefined;
  switch (constraint) {
    case 'members_phone':
      return 'phone-taken';
    case 'members_email':
      return 'email-taken';
    case 'cards_pkey':
      return 'card-taken';
    case 'members_referral_code':
      return 'code-taken';
    default:
      return undefined;
  }
}

/** Members, cards, consents and attribute definitions. Tenant first in every method; each lookup is one indexed query. */
@Injectable()
export class MemberRepository {
  constructor(private readonly ds: DataSource) {}

  /** For read-only queries of sibling repositories outside a transaction. */
  get dataSource(): DataSource {
    return this.ds;
  }

  async insertMember(m: EntityManager, tenantId: string, member: MemberRecord): Promise<InsertOutcome> {
    try {
      await m.query('SAVEPOINT insert_member');
      await m.query(
        `INSERT INTO members (tenant_id, id, phone, card_number, first_name, last_name, email, birth_date, locale, gender, marital_status,
           economic_band, interests, lifestyle, preferred_channels, primary_need, secondary_needs, join_reason, competitor_experience,
           attributes, version, referral_code, referred_by, journey_stage, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, 1, $22, $23, $24, $21, $21)`,
        [
          tenantId, member.id, member.phone, member.cardNumber, member.firstName, member.lastName, member.email, member.birthDate,
          member.locale, member.gender, member.maritalStatus, member.economicBand, member.interests, member.lifestyle,
          member.preferredChannels, member.primaryNeed, member.secondaryNeeds, member.joinReason, member.competitorExperience,
          JSON.stringify(member.attributes), member.createdAt, member.referralCode, member.referredBy, member.journeyStage,
        ],
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
      const outcome = uniqueViolation(err);
      if (!outcome) throw err;
      await m.query('ROLLBACK TO SAVEPOINT insert_member');
      return outcome;
    }
  }

  /** Writes the whole profile state and bumps the version; 'email-taken' on a unique clash. */
  async updateProfile(m: EntityManager, tenantId: string, id: string, p: ProfileState, at: Date): Promise<MemberRecord | 'email-taken'> {
    try {
      await m.query('SAVEPOINT update_member');
      const rows = returnedRows<MemberRow>(
        await m.query(
        `UPDATE members m SET first_name = $3, last_name = $4, email = $5, birth_date = $6, locale = $7, gender = $8, marital_status = $9,
           economic_band = $10, interests = $11, lifestyle = $12, preferred_channels = $13, primary_need = $14, secondary_needs = $15,
           join_reason = $16, competitor_experience = $17, attributes = $18, version = m.version + 1, updated_at = $19
         WHERE m.tenant_id = $1 AND m.id = $2 RETURNING ${COLUMNS}`,
        [
          tenantId, id, p.firstName, p.lastName, p.email, p.birthDate, p.locale, p.gender, p.maritalStatus, p.economicBand, p.interests,
          p.lifestyle, p.preferredChannels, p.primaryNeed, p.secondaryNeeds, p.joinReason, p.competitorExperience, JSON.stringify(p.attributes), at,
        ],
        ),
      );
      await m.query('RELEASE SAVEPOINT update_member');
      return toRecord(rows[0]);
    } catch (err) {
      if (uniqueViolation(err) !== 'email-taken') throw err;
      await m.query('ROLLBACK TO SAVEPOINT update_member');
      return 'email-taken';
    }
  }

  /** Locks the member row for a read-modify-write (PATCH, card changes). */
  async lockMember(m: EntityManager, tenantId: string, id: string): Promise<MemberRecord | undefined> {
    const rows = await m.query<MemberRow[]>(`SELECT ${COLUMNS} FROM members m WHERE m.tenant_id = $1 AND m.id = $2 AND m.erased_at IS NULL FOR UPDATE`, [tenantId, id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async touchMember(m: EntityManager, tenantId: string, id: string, at: Date): Promise<MemberRecord> {
    const rows = returnedRows<MemberRow>(
      await m.query(`UPDATE members m SET version = m.version + 1, updated_at = $3 WHERE m.tenant_id = $1 AND m.id = $2 RETURNING ${COLUMNS}`, [
        tenantId,
        id,
        at,
      ]),
    );
    return toRecord(rows[0]);
  }

  async findById(tenantId: string, id: string): Promise<MemberRecord | undefined> {
    const rows = await this.ds.query<MemberRow[]>(`SELECT ${COLUMNS} FROM members m WHERE m.tenant_id = $1 AND m.id = $2 AND m.erased_at IS NULL`, [tenantId, id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async lockByPhone(m: EntityManager, tenantId: string, phone: string): Promise<MemberRecord | undefined> {
    const rows = await m.query<MemberRow[]>(`SELECT ${COLUMNS} FROM members m WHERE m.tenant_id = $1 AND m.phone = $2 FOR UPDATE`, [tenantId, phone]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /**
   * Erasure: personal data is removed from the row (the id stays, so ledger entries, statistics
   * and tier history remain consistent), consents are deleted and cards released.
   */
  async eraseMember(m: EntityManager, tenantId: string, id: string, at: Date): Promise<string[]> {
    const cards = await m.query<{ card_number: string }[]>(`DELETE FROM cards WHERE tenant_id = $1 AND member_id = $2 RETURNING card_number`, [tenantId, id]);
    await m.query(`DELETE FROM consents WHERE tenant_id = $1 AND member_id = $2`, [tenantId, id]);
    // Managers' notes and ratings, scores and segment membership describe the person too.
    await m.query(`DELETE FROM manual_factors WHERE tenant_id = $1 AND member_id = $2`, [tenantId, id]);
    await m.query(`DELETE FROM member_scores WHERE tenant_id = $1 AND member_id = $2`, [tenantId, id]);
    await m.query(`DELETE FROM segment_members WHERE tenant_id = $1 AND member_id = $2`, [tenantId, id]);
    await m.query(
      `UPDATE members SET phone = 'erased:' || id::text, card_number = '', email = NULL, first_name = NULL, last_name = NULL, birth_date = NULL,
         gender = NULL, marital_status = NULL, economic_band = NULL, interests = '{}', lifestyle = '{}', preferred_channels = '{}',
         primary_need = NULL, secondary_needs = '{}', join_reason = NULL, competitor_experience = NULL, attributes = '{}',
         version = version + 1, updated_at = $3, erased_at = $3
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, at],
    );
    return returnedRows<{ card_number: string }>(cards).map((c) => c.card_number);
  }

  /** The rest of what is held about a member, for an export: tier, tier history, scores, managers' factors, segments. */
  async exportExtras(tenantId: string, memberId: string): Promise<Record<string, unknown>> {
    const q = (sql: string) => this.ds.query<Record<string, unknown>[]>(sql, [tenantId, memberId]);
    const [tier, tierHistory, scores, manualFactors, segments] = await Promise.all([
      q(`SELECT code, since, grace_until, ladder_version FROM member_tiers WHERE tenant_id = $1 AND member_id = $2`),
      q(`SELECT from_code, to_code, direction, reason, ladder_version, at FROM tier_history WHERE tenant_id = $1 AND member_id = $2 ORDER BY at`),
      q(`SELECT r, f, m, rfm, civilformd, civilformd_total, computed_at FROM member_scores WHERE tenant_id = $1 AND member_id = $2`),
      q(`SELECT factor, score, set_by, note, set_at FROM manual_factors WHERE tenant_id = $1 AND member_id = $2 ORDER BY factor`),
      q(`SELECT s.kind, s.name, sm.since FROM segment_members sm JOIN segments s ON s.tenant_id = sm.tenant_id AND s.id = sm.segment_id
         WHERE sm.tenant_id = $1 AND sm.member_id = $2 ORDER BY s.kind, s.name`),
    ]);
    return { tier: tier[0] ?? null, tierHistory, scores: scores[0] ?? null, manualFactors, segments };
  }

  /**
   * What a checkout needs about the member found by card (active cards only), phone, e-mail or id,
   * in one query: the stored tier standing, segment and persona names, journey stage, custom
   * attributes and birth date. Erased members identify nobody.
   */
  async findAtTill(tenantId: string, by: { cardNumber: string } | { phone: string } | { email: string } | { memberId: string }): Promise<TillFacts | undefined> {
    const [from, where, value] =
      'cardNumber' in by
        ? [`cards c JOIN members m ON m.tenant_id = c.tenant_id AND m.id = c.member_id`, `c.tenant_id = $1 AND c.card_number = $2 AND c.status = 'active'`, by.cardNumber]
        : 'phone' in by
          ? ['members m', 'm.tenant_id = $1 AND m.phone = $2', by.phone]
          : 'email' in by
            ? ['members m', 'm.tenant_id = $1 AND lower(m.email) = lower($2)', by.email]
            : ['members m', 'm.tenant_id = $1 AND m.id = $2', by.memberId];
    const rows = await this.ds.query<TillFactsRow[]>(
      `SELECT m.id, m.created_at, m.journey_stage, m.attributes, to_char(m.birth_date, 'YYYY-MM-DD') AS birth_date,
              t.code AS tier_code, t.since AS tier_since, t.grace_until AS tier_grace_until, t.ladder_version AS tier_ladder_version,
              COALESCE((SELECT array_agg(s.kind || ':' || s.name ORDER BY s.kind, s.name)
                          FROM segment_members sm JOIN segments s ON s.tenant_id = sm.tenant_id AND s.id = sm.segment_id
                         WHERE sm.tenant_id = m.tenant_id AND sm.member_id = m.id), '{}') AS segments
         FROM ${from}
         LEFT JOIN member_tiers t ON t.tenant_id = m.tenant_id AND t.member_id = m.id
        WHERE ${where} AND m.erased_at IS NULL`,
      [tenantId, value],
    );
    const r = rows[0];
    if (!r) return undefined;
    const named = (kind: string) => r.segments.filter((s) => s.startsWith(`${kind}:`)).map((s) => s.slice(kind.length + 1));
    return {
      id: r.id,
      createdAt: r.created_at,
      journeyStage: r.journey_stage,
      attributes: r.attributes,
      birthDate: r.birth_date,
      tier: r.tier_code === null ? undefined : { code: r.tier_code, since: r.tier_since!, graceUntil: r.tier_grace_until, ladderVersion: r.tier_ladder_version! },
      segments: named('segment'),
      personas: named('persona'),
    };
  }

  async findByPhone(tenantId: string, phone: string): Promise<MemberRecord | undefined> {
    const rows = await this.ds.query<MemberRow[]>(`SELECT ${COLUMNS} FROM members m WHERE m.tenant_id = $1 AND m.phone = $2`, [tenantId, phone]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async findByReferralCode(tenantId: string, code: string): Promise<MemberRecord | undefined> {
    const rows = await this.ds.query<MemberRow[]>(`SELECT ${COLUMNS} FROM members m WHERE m.tenant_id = $1 AND m.referral_code = $2 AND m.erased_at IS NULL`, [tenantId, code]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async setJourneyStage(m: EntityManager, tenantId: string, memberId: string, stage: string): Promise<void> {
    await m.query(`UPDATE members SET journey_stage = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, memberId, stage]);
  }

  /** Marks the referral of this member completed; true only the first time. */
  async completeReferral(m: EntityManager, tenantId: string, memberId: string): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await m.query(
        `UPDATE members SET referral_completed = true WHERE tenant_id = $1 AND id = $2 AND referred_by IS NOT NULL AND NOT referral_completed RETURNING id`,
        [tenantId, memberId],
      ),
    );
    return rows.length === 1;
  }

  async findByEmail(tenantId: string, email: string): Promise<MemberRecord | undefined> {
    const rows = await this.ds.query<MemberRow[]>(
      `SELECT ${COLUMNS} FROM members m WHERE m.tenant_id = $1 AND lower(m.email) = lower($2)`,
      [tenantId, email],
    );
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

  // --- consents ---------------------------------------------------------------------------

  async insertConsent(m: EntityManager, tenantId: string, c: ConsentRecord & { id: string; memberId: string }): Promise<void> {
    await m.query(
      `INSERT INTO consents (tenant_id, id, member_id, channel, granted, source, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, c.id, c.memberId, c.channel, c.granted, c.source, c.recordedAt],
    );
  }

  /** The consent in force per channel: the latest decision recorded for it. */
  /** The whole consent history (for an export), oldest first. */
  async consentHistory(tenantId: string, memberId: string): Promise<ConsentRecord[]> {
    const rows = await this.ds.query<{ channel: string; granted: boolean; source: string; recorded_at: Date }[]>(
      `SELECT channel, granted, source, recorded_at FROM consents WHERE tenant_id = $1 AND member_id = $2 ORDER BY recorded_at, id`,
      [tenantId, memberId],
    );
    return rows.map((r) => ({ channel: r.channel, granted: r.granted, source: r.source, recordedAt: r.recorded_at }));
  }

  async currentConsents(tenantId: string, memberId: string, m: EntityManager | DataSource = this.ds): Promise<ConsentRecord[]> {
    const rows = await m.query<{ channel: string; granted: boolean; source: string; recorded_at: Date }[]>(
      `SELECT DISTINCT ON (channel) channel, granted, source, recorded_at FROM consents
       WHERE tenant_id = $1 AND member_id = $2 ORDER BY channel, recorded_at DESC, id DESC`,
      [tenantId, memberId],
    );
    return rows.map((r) => ({ channel: r.channel, granted: r.granted, source: r.source, recordedAt: r.recorded_at }));
  }

  // --- custom attributes ----------------------------------------------------------------------

  /** Saves a definition; answers when it was saved (its `updated_at`). */
  async upsertAttributeDefinition(tenantId: string, d: AttributeDef & { label: string }, m?: EntityManager): Promise<Date> {
    const rows = await (m ?? this.ds).query<{ updated_at: Date }[]>(
      `INSERT INTO attribute_definitions (tenant_id, key, type, label, options, updated_at) VALUES ($1, $2, $3, $4, $5, clock_timestamp())
       ON CONFLICT (tenant_id, key) DO UPDATE SET type = EXCLUDED.type, label = EXCLUDED.label, options = EXCLUDED.options, updated_at = clock_timestamp()
       RETURNING updated_at`,
      [tenantId, d.key, d.type, d.label, d.options ?? null],
    );
    return rows[0].updated_at;
  }

  async listAttributeDefinitions(tenantId: string): Promise<{ key: string; type: AttributeDef['type']; label: string; options?: string[] }[]> {
    const rows = await this.ds.query<{ key: string; type: AttributeDef['type']; label: string; options: string[] | null }[]>(
      `SELECT key, type, label, options FROM attribute_definitions WHERE tenant_id = $1 ORDER BY key`,
      [tenantId],
    );
    return rows.map((r) => ({ key: r.key, type: r.type, label: r.label, ...(r.options ? { options: r.options } : {}) }));
  }

  // --- cards ----------------------------------------------------------------------------------

  async listCards(tenantId: string, memberId: string): Promise<CardRecord[]> {
    const rows = await this.ds.query<CardRow[]>(
      `SELECT card_number, member_id, status, issued_at, replaced_by FROM cards WHERE tenant_id = $1 AND member_id = $2 ORDER BY issued_at, card_number`,
      [tenantId, memberId],
    );
    return rows.map(toCard);
  }

  async lockCard(m: EntityManager, tenantId: string, cardNumber: string): Promise<CardRecord | undefined> {
    const rows = await m.query<CardRow[]>(
      `SELECT card_number, member_id, status, issued_at, replaced_by FROM cards WHERE tenant_id = $1 AND card_number = $2 FOR UPDATE`,
      [tenantId, cardNumber],
    );
    return rows[0] ? toCard(rows[0]) : undefined;
  }

  /** Inserts a new active card; false when the random number collided with an existing one. */
  async insertCard(m: EntityManager, tenantId: string, memberId: string, cardNumber: string, at: Date): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO cards (tenant_id, card_number, member_id, issued_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING card_number`,
      [tenantId, cardNumber, memberId, at],
    );
    return rows.length === 1;
  }

  async setCardStatus(
    m: EntityManager,
    tenantId: string,
    cardNumber: string,
    status: CardRecord['status'],
    reason: string | null,
    replacedBy: string | null = null,
  ): Promise<CardRecord> {
    const rows = returnedRows<CardRow>(
      await m.query(
      `UPDATE cards SET status = $3, status_reason = $4, replaced_by = coalesce($5, replaced_by), updated_at = now()
       WHERE tenant_id = $1 AND card_number = $2 RETURNING card_number, member_id, status, issued_at, replaced_by`,
      [tenantId, cardNumber, status, reason, replacedBy],
      ),
    );
    return toCard(rows[0]);
  }

  /** The member's current card (the one shown in the profile). */
  async setPrimaryCard(m: EntityManager, tenantId: string, memberId: string, cardNumber: string): Promise<void> {
    await m.query(`UPDATE members SET card_number = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, memberId, cardNumber]);
  }
}
