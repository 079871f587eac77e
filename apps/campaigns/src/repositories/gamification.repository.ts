import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '@club/platform-db';
import type { BadgeInput, Calendar, ChallengeGoal, StreakInput } from '@club/contracts';
import type { ProgressState, StreakRun } from '../domain/gamification';

type Localized = { fa: string; en: string };
type LocalizedText = { fa?: string; en?: string } | null;

export interface BadgeRecord {
  readonly code: string;
  readonly name: Localized;
  readonly description: LocalizedText;
  readonly imageUrl: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A challenge as stored: the normalised definition (calendar resolved, startsAt set). */
export interface ChallengeDocument {
  readonly code: string;
  readonly name: Localized;
  readonly description: LocalizedText;
  readonly goal: ChallengeGoal;
  readonly period: 'none' | 'week' | 'month' | 'year';
  readonly calendar: Calendar;
  readonly startsAt: string;
  readonly endsAt: string | null;
  readonly repeat: 'per-period' | 'once';
  readonly badgeCode: string | null;
}

export interface ChallengeRecord extends ChallengeDocument {
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A streak as stored: the normalised definition (calendar resolved). */
export type StreakDocument = Omit<StreakInput, 'calendar'> & { readonly calendar: Calendar };

export interface StreakRecord extends StreakDocument {
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface AwardedBadge {
  readonly code: string;
  readonly name: Localized;
}

export interface MemberBadgeRow extends BadgeRecord {
  readonly awardedAt: Date;
  readonly source: 'rule' | 'challenge' | 'streak';
  readonly reference: string;
}

export interface ProgressRow extends ProgressState {
  readonly code: string;
  readonly periodKey: string;
  readonly completedAt: Date | null;
}

interface BadgeRow {
  code: string;
  name_fa: string;
  name_en: string;
  description: LocalizedText;
  image_url: string | null;
  created_at: Date;
  updated_at: Date;
}

const toBadge = (r: BadgeRow): BadgeRecord => ({
  code: r.code,
  name: { fa: r.name_fa, en: r.name_en },
  description: r.description,
  imageUrl: r.image_url,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

interface ProgressDbRow {
  challenge_code: string;
  period_key: string;
  progress: string;
  categories: string[];
  completed_at: Date | null;
}

const toProgress = (r: ProgressDbRow): ProgressRow => ({
  code: r.challenge_code,
  periodKey: r.period_key,
  progress: Number(r.progress),
  categories: r.categories,
  completed: r.completed_at !== null,
  completedAt: r.completed_at,
});

/**
 * Badges, challenges, streaks and members' progress. Tenant first everywhere. Rows a checkout
 * changes are created if missing and then locked (`FOR UPDATE`, in key order), so two deliveries
 * racing for the same member serialise instead of losing an increment.
 */
@Injectable()
export class GamificationRepository {
  constructor(private readonly ds: DataSource) {}

  /** Remembers the club's zone and calendar as the gateway passed them; a no-op when unchanged. */
  async rememberTenant(tenantId: string, s: { timezone: string; calendar: Calendar }): Promise<void> {
    await this.ds.query(
      `INSERT INTO gamification_tenants (tenant_id, timezone, calendar) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET timezone = EXCLUDED.timezone, calendar = EXCLUDED.calendar, updated_at = now()
       WHERE (gamification_tenants.timezone, gamification_tenants.calendar) IS DISTINCT FROM (EXCLUDED.timezone, EXCLUDED.calendar)`,
      [tenantId, s.timezone, s.calendar],
    );
  }

  async findTenant(m: EntityManager, tenantId: string): Promise<{ timezone: string; calendar: Calendar } | undefined> {
    const rows = await m.query<{ timezone: string; calendar: Calendar }[]>(`SELECT timezone, calendar FROM gamification_tenants WHERE tenant_id = $1`, [tenantId]);
    return rows[0];
  }

  // --- badges -------------------------------------------------------------------------------

  /** False when the code is taken. */
  async insertBadge(m: EntityManager, tenantId: string, b: BadgeInput, operator: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO badges (tenant_id, code, name_fa, name_en, description, image_url, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING RETURNING code`,
      [tenantId, b.code, b.name.fa, b.name.en, b.description === null ? null : JSON.stringify(b.description), b.imageUrl, operator],
    );
    return rows.length === 1;
  }

  /** False when there is no such badge. */
  async updateBadge(m: EntityManager, tenantId: string, b: BadgeInput, operator: string): Promise<boolean> {
    const rows = await m.query<unknown[] | [unknown[], number]>(
      `UPDATE badges SET name_fa = $3, name_en = $4, description = $5, image_url = $6, updated_by = $7, updated_at = now() WHERE tenant_id = $1 AND code = $2 RETURNING code`,
      [tenantId, b.code, b.name.fa, b.name.en, b.description === null ? null : JSON.stringify(b.description), b.imageUrl, operator],
    );
    return returnedRows(rows).length === 1;
  }

  async findBadge(tenantId: string, code: string): Promise<BadgeRecord | undefined> {
    const rows = await this.ds.query<BadgeRow[]>(`SELECT * FROM badges WHERE tenant_id = $1 AND code = $2`, [tenantId, code]);
    return rows[0] ? toBadge(rows[0]) : undefined;
  }

  async listBadges(tenantId: string): Promise<BadgeRecord[]> {
    return (await this.ds.query<BadgeRow[]>(`SELECT * FROM badges WHERE tenant_id = $1 ORDER BY code`, [tenantId])).map(toBadge);
  }

  /** Which of these badge codes the club has defined. */
  async existingBadges(m: EntityManager, tenantId: string, codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await m.query<{ code: string }[]>(`SELECT code FROM badges WHERE tenant_id = $1 AND code = ANY($2::text[])`, [tenantId, [...codes]]);
    return new Set(rows.map((r) => r.code));
  }

  /**
   * Awards a defined badge once: the badge with its name when it was awarded now; undefined when
   * the member already had it or the club has no such badge.
   */
  async awardBadge(
    m: EntityManager,
    tenantId: string,
    memberId: string,
    a: { code: string; awardedAt: Date; source: 'rule' | 'challenge' | 'streak'; reference: string; transactionId: string | null },
  ): Promise<AwardedBadge | undefined> {
    const rows = await m.query<{ code: string; name_fa: string; name_en: string }[]>(
      `WITH b AS (SELECT code, name_fa, name_en FROM badges WHERE tenant_id = $1 AND code = $3),
            ins AS (INSERT INTO member_badges (tenant_id, member_id, badge_code, awarded_at, source, reference, transaction_id)
                    SELECT $1, $2, b.code, $4, $5, $6, $7 FROM b ON CONFLICT DO NOTHING RETURNING badge_code)
       SELECT b.code, b.name_fa, b.name_en FROM ins JOIN b ON b.code = ins.badge_code`,
      [tenantId, memberId, a.code, a.awardedAt, a.source, a.reference, a.transactionId],
    );
    return rows[0] ? { code: rows[0].code, name: { fa: rows[0].name_fa, en: rows[0].name_en } } : undefined;
  }

  async memberBadges(tenantId: string, memberId: string): Promise<MemberBadgeRow[]> {
    const rows = await this.ds.query<(BadgeRow & { awarded_at: Date; source: MemberBadgeRow['source']; reference: string })[]>(
      `SELECT b.*, mb.awarded_at, mb.source, mb.reference FROM member_badges mb
       JOIN badges b ON b.tenant_id = mb.tenant_id AND b.code = mb.badge_code
       WHERE mb.tenant_id = $1 AND mb.member_id = $2 ORDER BY mb.awarded_at, b.code`,
      [tenantId, memberId],
    );
    return rows.map((r) => ({ ...toBadge(r), awardedAt: r.awarded_at, source: r.source, reference: r.reference }));
  }

  // --- challenges and streaks -----------------------------------------------------------------

  async insertChallenge(m: EntityManager, tenantId: string, c: ChallengeDocument, operator: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO challenges (tenant_id, code, definition, starts_at, ends_at, created_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING code`,
      [tenantId, c.code, JSON.stringify(c), c.startsAt, c.endsAt, operator],
    );
    return rows.length === 1;
  }

  async updateChallenge(m: EntityManager, tenantId: string, c: ChallengeDocument, operator: string): Promise<void> {
    await m.query(`UPDATE challenges SET definition = $3, starts_at = $4, ends_at = $5, updated_by = $6, updated_at = now() WHERE tenant_id = $1 AND code = $2`, [
      tenantId,
      c.code,
      JSON.stringify(c),
      c.startsAt,
      c.endsAt,
      operator,
    ]);
  }

  async lockChallenge(m: EntityManager, tenantId: string, code: string): Promise<ChallengeRecord | undefined> {
    return (await this.challengeQuery(m, `tenant_id = $1 AND code = $2 FOR UPDATE`, [tenantId, code]))[0];
  }

  async findChallenge(tenantId: string, code: string): Promise<ChallengeRecord | undefined> {
    return (await this.challengeQuery(this.ds.manager, `tenant_id = $1 AND code = $2`, [tenantId, code]))[0];
  }

  async listChallenges(tenantId: string): Promise<ChallengeRecord[]> {
    return this.challengeQuery(this.ds.manager, `tenant_id = $1 ORDER BY code`, [tenantId]);
  }

  /** Challenges whose window contains the instant. */
  async challengesAt(m: EntityManager | undefined, tenantId: string, at: Date): Promise<ChallengeRecord[]> {
    return this.challengeQuery(m ?? this.ds.manager, `tenant_id = $1 AND starts_at <= $2 AND (ends_at IS NULL OR ends_at > $2) ORDER BY code`, [tenantId, at]);
  }

  async insertStreak(m: EntityManager, tenantId: string, s: StreakDocument, operator: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO streaks (tenant_id, code, definition, created_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING code`,
      [tenantId, s.code, JSON.stringify(s), operator],
    );
    return rows.length === 1;
  }

  async updateStreak(m: EntityManager, tenantId: string, s: StreakDocument, operator: string): Promise<void> {
    await m.query(`UPDATE streaks SET definition = $3, updated_by = $4, updated_at = now() WHERE tenant_id = $1 AND code = $2`, [tenantId, s.code, JSON.stringify(s), operator]);
  }

  async lockStreak(m: EntityManager, tenantId: string, code: string): Promise<StreakRecord | undefined> {
    return (await this.streakQuery(m, `tenant_id = $1 AND code = $2 FOR UPDATE`, [tenantId, code]))[0];
  }

  async listStreaks(m: EntityManager | undefined, tenantId: string): Promise<StreakRecord[]> {
    return this.streakQuery(m ?? this.ds.manager, `tenant_id = $1 ORDER BY code`, [tenantId]);
  }

  // --- what a checkout changes ------------------------------------------------------------------

  /** Counts a checkout once per club: false when this transaction id was counted before. */
  async claimCheckout(m: EntityManager, tenantId: string, c: { transactionId: string; memberId: string; recordedAt: Date }): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO gamification_checkouts (tenant_id, transaction_id, member_id, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING transaction_id`,
      [tenantId, c.transactionId, c.memberId, c.recordedAt],
    );
    return rows.length === 1;
  }

  /** The member's progress rows for these (challenge, period) pairs, created empty when missing, locked in key order. */
  async lockProgress(m: EntityManager, tenantId: string, memberId: string, keys: readonly { code: string; periodKey: string }[]): Promise<ProgressRow[]> {
    if (keys.length === 0) return [];
    const codes = keys.map((k) => k.code);
    const periods = keys.map((k) => k.periodKey);
    await m.query(
      `INSERT INTO challenge_progress (tenant_id, member_id, challenge_code, period_key)
       SELECT $1, $2, c, p FROM unnest($3::text[], $4::text[]) AS k(c, p) ORDER BY c, p ON CONFLICT DO NOTHING`,
      [tenantId, memberId, codes, periods],
    );
    const rows = await m.query<ProgressDbRow[]>(
      `SELECT challenge_code, period_key, progress, categories, completed_at FROM challenge_progress
       WHERE tenant_id = $1 AND member_id = $2 AND (challenge_code, period_key) IN (SELECT * FROM unnest($3::text[], $4::text[]))
       ORDER BY challenge_code, period_key FOR UPDATE`,
      [tenantId, memberId, codes, periods],
    );
    return rows.map(toProgress);
  }

  /** Of these challenges, the ones the member has completed in some period. */
  async completedChallenges(m: EntityManager | undefined, tenantId: string, memberId: string, codes: readonly string[]): Promise<Map<string, { count: number; last: Date }>> {
    if (codes.length === 0) return new Map();
    const rows = await (m ?? this.ds.manager).query<{ challenge_code: string; n: number; last: Date }[]>(
      `SELECT challenge_code, count(*)::int AS n, max(completed_at) AS last FROM challenge_progress
       WHERE tenant_id = $1 AND member_id = $2 AND challenge_code = ANY($3::text[]) AND completed_at IS NOT NULL GROUP BY challenge_code`,
      [tenantId, memberId, [...codes]],
    );
    return new Map(rows.map((r) => [r.challenge_code, { count: r.n, last: r.last }]));
  }

  async saveProgress(
    m: EntityManager,
    tenantId: string,
    memberId: string,
    rows: readonly { code: string; periodKey: string; state: ProgressState; completedAt: Date | null }[],
  ): Promise<void> {
    for (const r of rows) {
      await m.query(
        `UPDATE challenge_progress SET progress = $5, categories = $6::text[], completed_at = $7, updated_at = now()
         WHERE tenant_id = $1 AND member_id = $2 AND challenge_code = $3 AND period_key = $4`,
        [tenantId, memberId, r.code, r.periodKey, r.state.progress, [...r.state.categories], r.completedAt],
      );
    }
  }

  async findProgress(tenantId: string, memberId: string, keys: readonly { code: string; periodKey: string }[]): Promise<ProgressRow[]> {
    if (keys.length === 0) return [];
    const rows = await this.ds.query<ProgressDbRow[]>(
      `SELECT challenge_code, period_key, progress, categories, completed_at FROM challenge_progress
       WHERE tenant_id = $1 AND member_id = $2 AND (challenge_code, period_key) IN (SELECT * FROM unnest($3::text[], $4::text[]))`,
      [tenantId, memberId, keys.map((k) => k.code), keys.map((k) => k.periodKey)],
    );
    return rows.map(toProgress);
  }

  /**
   * Starts a run for a member with no run yet (returns true), or locks the existing run (false,
   * then {@link lockedRuns} reads it and {@link saveRun} writes it).
   */
  async startRun(m: EntityManager, tenantId: string, memberId: string, code: string, index: number): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO member_streaks (tenant_id, member_id, streak_code, run_start, run_end, longest) VALUES ($1, $2, $3, $4, $4, 1)
       ON CONFLICT DO NOTHING RETURNING streak_code`,
      [tenantId, memberId, code, index],
    );
    return rows.length === 1;
  }

  async lockRun(m: EntityManager, tenantId: string, memberId: string, code: string): Promise<StreakRun> {
    const [r] = await m.query<{ run_start: number; run_end: number; longest: number }[]>(
      `SELECT run_start, run_end, longest FROM member_streaks WHERE tenant_id = $1 AND member_id = $2 AND streak_code = $3 FOR UPDATE`,
      [tenantId, memberId, code],
    );
    return { start: r.run_start, end: r.run_end, longest: r.longest };
  }

  async saveRun(m: EntityManager, tenantId: string, memberId: string, code: string, run: StreakRun): Promise<void> {
    await m.query(`UPDATE member_streaks SET run_start = $4, run_end = $5, longest = $6, updated_at = now() WHERE tenant_id = $1 AND member_id = $2 AND streak_code = $3`, [
      tenantId,
      memberId,
      code,
      run.start,
      run.end,
      run.longest,
    ]);
  }

  async memberRuns(tenantId: string, memberId: string): Promise<Map<string, StreakRun>> {
    const rows = await this.ds.query<{ streak_code: string; run_start: number; run_end: number; longest: number }[]>(
      `SELECT streak_code, run_start, run_end, longest FROM member_streaks WHERE tenant_id = $1 AND member_id = $2`,
      [tenantId, memberId],
    );
    return new Map(rows.map((r) => [r.streak_code, { start: r.run_start, end: r.run_end, longest: r.longest }]));
  }

  /** An erased member's badges, progress and streaks go (the checkouts counted keep only the ids). */
  async eraseMember(m: EntityManager, tenantId: string, memberId: string): Promise<void> {
    for (const table of ['member_badges', 'challenge_progress', 'member_streaks']) {
      await m.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND member_id = $2`, [tenantId, memberId]);
    }
  }

  private async challengeQuery(m: EntityManager, where: string, params: unknown[]): Promise<ChallengeRecord[]> {
    const rows = await m.query<{ definition: ChallengeDocument; created_at: Date; updated_at: Date }[]>(`SELECT definition, created_at, updated_at FROM challenges WHERE ${where}`, params);
    return rows.map((r) => ({ ...r.definition, createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  private async streakQuery(m: EntityManager, where: string, params: unknown[]): Promise<StreakRecord[]> {
    const rows = await m.query<{ definition: StreakDocument; created_at: Date; updated_at: Date }[]>(`SELECT definition, created_at, updated_at FROM streaks WHERE ${where}`, params);
    return rows.map((r) => ({ ...r.definition, createdAt: r.created_at, updatedAt: r.updated_at }));
  }
}
