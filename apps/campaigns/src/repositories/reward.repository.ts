import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RewardFailure, RewardInput, RewardReleaseReason } from '@club/contracts';
import { returnedRows } from '@club/platform-db';
import type { CounterDelta, RedemptionStatus } from '../domain/reward';

type Localized = { fa?: string; en?: string };

export interface RewardRecord {
  readonly id: string;
  readonly code: string;
  readonly name: Localized;
  readonly description: Localized | null;
  readonly imageUrl: string | null;
  readonly pointsPrice: number;
  readonly stock: number | null;
  readonly reserved: number;
  readonly redeemed: number;
  readonly perMemberLimit: number | null;
  readonly validFrom: Date | null;
  readonly validUntil: Date | null;
  readonly status: 'active' | 'archived';
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The tenant metadata of the reserving call, replayed by the sweep when it calls the points service. */
export interface CallerContext {
  readonly timezone: string;
  readonly calendar: 'jalali' | 'gregorian';
  readonly currency: string;
  readonly locale: 'fa' | 'en';
}

export interface RedemptionRecord {
  readonly tenantId: string;
  readonly id: string;
  readonly rewardId: string;
  readonly memberId: string;
  readonly rewardCode: string;
  readonly rewardName: Localized;
  readonly points: number;
  readonly status: RedemptionStatus;
  readonly releaseReason: RewardReleaseReason | null;
  readonly failure: RewardFailure | null;
  readonly caller: CallerContext;
  readonly holdExpiresAt: Date | null;
  readonly createdAt: Date;
  readonly heldAt: Date | null;
  readonly fulfilledAt: Date | null;
  readonly releasedAt: Date | null;
}

interface RewardRow {
  id: string;
  code: string;
  name: Localized;
  description: Localized | null;
  image_url: string | null;
  points_price: string;
  stock: number | null;
  reserved: number;
  redeemed: number;
  per_member_limit: number | null;
  valid_from: Date | null;
  valid_until: Date | null;
  status: 'active' | 'archived';
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface RedemptionRow {
  tenant_id: string;
  id: string;
  reward_id: string;
  member_id: string;
  reward_code: string;
  reward_name: Localized;
  points: string;
  status: RedemptionStatus;
  release_reason: RewardReleaseReason | null;
  failure: RewardFailure | null;
  caller: CallerContext;
  hold_expires_at: Date | null;
  created_at: Date;
  held_at: Date | null;
  fulfilled_at: Date | null;
  released_at: Date | null;
}

const toReward = (r: RewardRow): RewardRecord => ({
  id: r.id,
  code: r.code,
  name: r.name,
  description: r.description,
  imageUrl: r.image_url,
  pointsPrice: Number(r.points_price),
  stock: r.stock,
  reserved: r.reserved,
  redeemed: r.redeemed,
  perMemberLimit: r.per_member_limit,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  status: r.status,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRedemption = (r: RedemptionRow): RedemptionRecord => ({
  tenantId: r.tenant_id,
  id: r.id,
  rewardId: r.reward_id,
  memberId: r.member_id,
  rewardCode: r.reward_code,
  rewardName: r.reward_name,
  points: Number(r.points),
  status: r.status,
  releaseReason: r.release_reason,
  failure: r.failure,
  caller: r.caller,
  holdExpiresAt: r.hold_expires_at,
  createdAt: r.created_at,
  heldAt: r.held_at,
  fulfilledAt: r.fulfilled_at,
  releasedAt: r.released_at,
});

const date = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

/** Rewards, their stock counters and the redemptions. Tenant first everywhere. */
@Injectable()
export class RewardRepository {
  constructor(private readonly ds: DataSource) {}

  /** Inserts a reward; false when its code is taken in the tenant. */
  async insertReward(m: EntityManager, tenantId: string, id: string, r: RewardInput, operator: string, now: Date): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO rewards (tenant_id, id, code, name, description, image_url, points_price, stock, per_member_limit, valid_from, valid_until, status, created_by, updated_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $14)
       ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
      [tenantId, id, ...this.definition(r), operator, now],
    );
    return rows.length === 1;
  }

  /** Replaces a reward's definition (version + 1); 'missing' or 'code-taken' otherwise. */
  async replaceReward(m: EntityManager, tenantId: string, id: string, r: RewardInput, operator: string, now: Date): Promise<'saved' | 'missing' | 'code-taken'> {
    const taken = await m.query<unknown[]>(`SELECT 1 FROM rewards WHERE tenant_id = $1 AND code = $2 AND id <> $3`, [tenantId, r.code, id]);
    if (taken.length > 0) return 'code-taken';
    const rows = returnedRows(
      await m.query<unknown[]>(
        `UPDATE rewards SET code = $3, name = $4, description = $5, image_url = $6, points_price = $7, stock = $8, per_member_limit = $9,
           valid_from = $10, valid_until = $11, status = $12, updated_by = $13, updated_at = $14, version = version + 1
         WHERE tenant_id = $1 AND id = $2 RETURNING id`,
        [tenantId, id, ...this.definition(r), operator, now],
      ),
    );
    return rows.length === 1 ? 'saved' : 'missing';
  }

  async findReward(m: EntityManager | undefined, tenantId: string, id: string): Promise<RewardRecord | undefined> {
    const rows = await (m ?? this.ds).query<RewardRow[]>(`SELECT * FROM rewards WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ? toReward(rows[0]) : undefined;
  }

  /** A page ordered by code (keyset: codes after `after`); `availableAt` keeps what can be reserved then. */
  async listRewards(tenantId: string, q: { status: 'active' | 'archived' | null; availableAt: Date | null; after: string | null; limit: number }): Promise<RewardRecord[]> {
    const rows = await this.ds.query<RewardRow[]>(
      `SELECT * FROM rewards
       WHERE tenant_id = $1
         AND ($2::text IS NULL OR status = $2)
         AND ($3::timestamptz IS NULL OR (status = 'active' AND (stock IS NULL OR stock > 0)
              AND (valid_from IS NULL OR valid_from <= $3) AND (valid_until IS NULL OR valid_until > $3)))
         AND ($4::text IS NULL OR code > $4)
       ORDER BY code LIMIT $5`,
      [tenantId, q.status, q.availableAt, q.after, q.limit],
    );
    return rows.map(toReward);
  }

  /**
   * Takes one unit: the conditional decrement (only while the reward is active, inside its
   * window and in stock), which also locks the reward's row until the transaction ends — so the
   * member-limit count that follows is serialised with every other reservation of the reward.
   */
  async takeUnit(m: EntityManager, tenantId: string, rewardId: string, now: Date): Promise<RewardRecord | undefined> {
    const rows = returnedRows(
      await m.query<RewardRow[]>(
        `UPDATE rewards SET stock = stock - 1, reserved = reserved + 1
         WHERE tenant_id = $1 AND id = $2 AND status = 'active' AND (stock IS NULL OR stock > 0)
           AND (valid_from IS NULL OR valid_from <= $3) AND (valid_until IS NULL OR valid_until > $3)
         RETURNING *`,
        [tenantId, rewardId, now],
      ),
    );
    return rows[0] ? toReward(rows[0]) : undefined;
  }

  /** Moves a reward's counters (stock only when it is limited). */
  async moveCounters(m: EntityManager, tenantId: string, rewardId: string, d: CounterDelta): Promise<void> {
    await m.query(
      `UPDATE rewards SET stock = stock + $3, reserved = reserved + $4, redeemed = redeemed + $5 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, rewardId, d.stock, d.reserved, d.redeemed],
    );
  }

  /** The member's redemptions of the reward that hold a unit or got one (for the per-member limit). */
  async memberUses(m: EntityManager, tenantId: string, rewardId: string, memberId: string): Promise<number> {
    const rows = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM reward_redemptions WHERE tenant_id = $1 AND reward_id = $2 AND member_id = $3 AND status <> 'released'`,
      [tenantId, rewardId, memberId],
    );
    return rows[0].n;
  }

  /** Claims the redemption id; false when it is already taken (a retry or a concurrent duplicate). */
  async insertRedemption(m: EntityManager, r: Omit<RedemptionRecord, 'status' | 'releaseReason' | 'failure' | 'holdExpiresAt' | 'heldAt' | 'fulfilledAt' | 'releasedAt'>): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO reward_redemptions (tenant_id, id, reward_id, member_id, reward_code, reward_name, points, status, caller, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'reserved', $8, $9) ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
      [r.tenantId, r.id, r.rewardId, r.memberId, r.rewardCode, JSON.stringify(r.rewardName), r.points, JSON.stringify(r.caller), r.createdAt],
    );
    return rows.length === 1;
  }

  async findRedemption(m: EntityManager | undefined, tenantId: string, id: string, lock = false): Promise<RedemptionRecord | undefined> {
    const rows = await (m ?? this.ds).query<RedemptionRow[]>(`SELECT * FROM reward_redemptions WHERE tenant_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`, [tenantId, id]);
    return rows[0] ? toRedemption(rows[0]) : undefined;
  }

  /** Moves a locked redemption to `to`, stamping the step's time (and the hold's expiry, the release's reason and failure). */
  async moveRedemption(
    m: EntityManager,
    tenantId: string,
    id: string,
    to: Exclude<RedemptionStatus, 'reserved'>,
    at: Date,
    extra: { holdExpiresAt?: Date | null; releaseReason?: RewardReleaseReason; failure?: RewardFailure | null } = {},
  ): Promise<void> {
    const column = { held: 'held_at', fulfilled: 'fulfilled_at', released: 'released_at' }[to];
    await m.query(
      `UPDATE reward_redemptions SET status = $3, ${column} = $4,
         hold_expires_at = CASE WHEN $3 = 'held' THEN $5::timestamptz ELSE hold_expires_at END,
         release_reason = $6, failure = $7
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, to, at, extra.holdExpiresAt ?? null, extra.releaseReason ?? null, extra.failure ? JSON.stringify(extra.failure) : null],
    );
  }

  /** A member's redemptions, newest first (keyset on created_at, id). */
  async listRedemptions(tenantId: string, memberId: string, after: { createdAt: Date; id: string } | null, limit: number): Promise<RedemptionRecord[]> {
    const rows = await this.ds.query<RedemptionRow[]>(
      `SELECT * FROM reward_redemptions WHERE tenant_id = $1 AND member_id = $2
         ${after === null ? '' : 'AND (created_at, id) < ($4, $5)'}
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      after === null ? [tenantId, memberId, limit] : [tenantId, memberId, limit, after.createdAt, after.id],
    );
    return rows.map(toRedemption);
  }

  /**
   * The sweep's first half, in one statement: redemptions of any tenant still only reserved since
   * before `cutoff` are released (`timed-out`) and their units go back to stock. Rows another
   * transaction holds are skipped (a step in progress, or another replica's sweep).
   */
  async releaseStaleReservations(cutoff: Date, at: Date, limit: number): Promise<{ tenantId: string; rewardId: string; count: number }[]> {
    const rows = await this.ds.query<{ tenant_id: string; reward_id: string; n: number }[]>(
      `WITH due AS (
         SELECT tenant_id, id FROM reward_redemptions WHERE status = 'reserved' AND created_at < $1
         ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED
       ), released AS (
         UPDATE reward_redemptions r SET status = 'released', release_reason = 'timed-out', released_at = $2
         FROM due WHERE r.tenant_id = due.tenant_id AND r.id = due.id
         RETURNING r.tenant_id, r.reward_id
       ), per_reward AS (
         SELECT tenant_id, reward_id, count(*)::int AS n FROM released GROUP BY tenant_id, reward_id
       ), moved AS (
         UPDATE rewards w SET stock = w.stock + p.n, reserved = w.reserved - p.n
         FROM per_reward p WHERE w.tenant_id = p.tenant_id AND w.id = p.reward_id
         RETURNING w.tenant_id
       )
       SELECT p.tenant_id, p.reward_id, p.n FROM per_reward p ORDER BY p.tenant_id, p.reward_id`,
      [cutoff, at, limit],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, rewardId: r.reward_id, count: r.n }));
  }

  /** The sweep's second half: redemptions of any tenant held since before `cutoff` (oldest first). */
  async staleHolds(cutoff: Date, limit: number): Promise<RedemptionRecord[]> {
    const rows = await this.ds.query<RedemptionRow[]>(
      `SELECT * FROM reward_redemptions WHERE status = 'held' AND held_at < $1 ORDER BY held_at LIMIT $2`,
      [cutoff, limit],
    );
    return rows.map(toRedemption);
  }

  private definition(r: RewardInput): unknown[] {
    return [
      r.code,
      JSON.stringify(r.name),
      r.description === null ? null : JSON.stringify(r.description),
      r.imageUrl,
      r.pointsPrice,
      r.stock,
      r.perMemberLimit,
      date(r.validFrom),
      date(r.validUntil),
      r.status,
    ];
  }
}
