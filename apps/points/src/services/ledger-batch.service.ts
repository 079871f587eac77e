import { localDateOf } from '@club/calendar';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxRepository, type NewEvent } from '@club/platform-kafka';
import { Clock, Ids } from '@club/platform-nest';
import { liabilityValue } from '../domain/earn';
import { debtSettlement, expiryCalculator, runningBalancesBackFrom, warnUntil } from '../domain/ledger-jobs';
import type { Lot } from '../domain/lots';
import type { JobCursor, JobProgress, LedgerJob, PreviewItem } from '../repositories/ledger-job.repository';
import { LotBatchRepository, type BalanceDelta, type NewEntry, type QueuePosition } from '../repositories/lot-batch.repository';

/** A batch's outcome: what it adds to the run, and whether the run has more to do. */
export interface BatchOutcome {
  readonly progress: JobProgress;
  readonly more: boolean;
}

const PREVIEW_LIMIT = 50;

type Counts = Pick<JobProgress, 'processed' | 'points' | 'holdsReleased' | 'holdPoints'>;
const NONE: Counts = { processed: 0, points: 0, holdsReleased: 0, holdPoints: 0 };

type Movable = 'available' | 'pending' | 'held' | 'expired';

/** A batch's entries, in order, and the per-member sums of what they move. */
class Writes {
  readonly entries: NewEntry[] = [];
  private readonly byMember = new Map<string, Record<Movable, number>>();

  constructor(private readonly ids: Ids) {}

  /** One entry moving `points` of `lotId` from one bucket to another. */
  move(memberId: string, kind: NewEntry['kind'], points: number, from: Movable, to: Movable, lotId: string): void {
    if (points <= 0) return;
    this.entries.push({ id: this.ids.uuid(), memberId, kind, points, from, to, lotId });
    const d = this.byMember.get(memberId) ?? { available: 0, pending: 0, held: 0, expired: 0 };
    d[from] -= points;
    d[to] += points;
    this.byMember.set(memberId, d);
  }

  deltas(): BalanceDelta[] {
    return [...this.byMember].map(([memberId, d]) => ({ memberId, ...d }));
  }
}

const position = (cursor: JobCursor | null, phase: JobCursor['phase']): QueuePosition | null =>
  cursor && cursor.phase === phase && cursor.t !== null && cursor.id !== null ? { t: cursor.t, id: cursor.id } : null;

/**
 * One batch of a ledger job, in the caller's transaction: the set-based equivalent of the
 * reference model's `activate` and `expire` operations (ledger-model.ts) over up to `limit` lots
 * or holds of one tenant, plus the expiry warnings.
 *
 * Every batch reads its candidates in keyset order without locks, then locks the members'
 * accounts in member-id order (every writer of a member's lots takes the account first), then the
 * lots or holds themselves with SKIP LOCKED, re-checking the conditions on the locked rows: a lot
 * spent, reversed or activated meanwhile is taken as it is now, one another transaction holds is
 * left for the next run. Entries (one `points.ledger-entry.created.v1` each, with the running
 * balance), lots, cached balances and events are written together; a dry run only counts (no
 * locks, no writes).
 */
@Injectable()
export class LedgerBatchService {
  constructor(
    private readonly lots: LotBatchRepository,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    private readonly ids: Ids,
  ) {}

  /** The next batch of `job` (its cursor says where it is). */
  runBatch(m: EntityManager, job: LedgerJob, limit: number): Promise<BatchOutcome> {
    switch (job.kind) {
      case 'activate':
        return this.activateLots(m, job, limit);
      case 'warn':
        return this.warnOfExpiry(m, job, limit);
      case 'release-holds':
        return this.releaseHolds(m, job, limit);
      case 'expire':
        // The model's order: expired holds are released first (their points go back to lots, or
        // straight to expired when the lot has expired), then the lots past their expiry expire.
        return job.cursor?.phase === 'lots' ? this.expireLots(m, job, limit) : this.releaseHolds(m, job, limit);
    }
  }

  /** Pending lots whose activation time has come become spendable, with their expiry counted from that time. */
  async activateLots(m: EntityManager, job: LedgerJob, limit: number): Promise<BatchOutcome> {
    const queue = await this.lots.findDueToActivate(m, job.tenantId, job.at, position(job.cursor, 'lots'), limit);
    const cursor: JobCursor = queue.length > 0 ? { phase: 'lots', ...queue[queue.length - 1].position } : (job.cursor ?? { phase: 'lots', t: null, id: null });
    const more = queue.length === limit;
    if (job.dryRun) {
      const items = queue.map((l) => ({ memberId: l.memberId, lotId: l.id, redemptionId: null, points: l.remaining, at: l.t.toISOString() }));
      return { progress: this.progress(job, cursor, { ...NONE, processed: queue.length, points: sum(queue.map((l) => l.remaining)) }, items), more };
    }
    await this.lots.lockAccounts(m, job.tenantId, queue.map((l) => l.memberId));
    const locked = await this.lots.lockLotsToActivate(m, job.tenantId, queue.map((l) => l.id), job.at);
    const expiry = expiryCalculator(job.policy.expiry, job.timezone);
    await this.lots.activateLots(m, job.tenantId, locked.map((l) => ({ id: l.id, expiresAt: expiry(l.activatesAt) })));
    const writes = new Writes(this.ids);
    for (const l of locked) writes.move(l.memberId, 'activate', l.remaining, 'pending', 'available', l.id);
    await this.write(m, job, `activate:${job.id}`, writes);
    return { progress: this.progress(job, cursor, { ...NONE, processed: locked.length, points: sum(locked.map((l) => l.remaining)) }, []), more };
  }

  /** Active lots past their expiry lose their remaining points (one `points.lot.expired.v1` per lot). */
  async expireLots(m: EntityManager, job: LedgerJob, limit: number): Promise<BatchOutcome> {
    const queue = await this.lots.findDueToExpire(m, job.tenantId, job.at, position(job.cursor, 'lots'), limit);
    const cursor: JobCursor = queue.length > 0 ? { phase: 'lots', ...queue[queue.length - 1].position } : (job.cursor ?? { phase: 'lots', t: null, id: null });
    const more = queue.length === limit;
    if (job.dryRun) {
      const items = queue.map((l) => ({ memberId: l.memberId, lotId: l.id, redemptionId: null, points: l.remaining, at: l.t.toISOString() }));
      return { progress: this.progress(job, cursor, { ...NONE, processed: queue.length, points: sum(queue.map((l) => l.remaining)) }, items), more };
    }
    await this.lots.lockAccounts(m, job.tenantId, queue.map((l) => l.memberId));
    const locked = await this.lots.lockLotsToExpire(m, job.tenantId, queue.map((l) => l.id), job.at);
    const operation = `expire:${job.id}`;
    const writes = new Writes(this.ids);
    for (const l of locked) writes.move(l.memberId, 'expire', l.remaining, 'available', 'expired', l.id);
    await this.lots.shiftLots(m, job.tenantId, locked.map((l) => ({ id: l.id, points: -l.remaining })));
    await this.write(m, job, operation, writes);
    await this.outbox.enqueueMany(
      m,
      locked.map(
        (l): NewEvent<'points.lot.expired.v1'> => ({
          topic: 'points.lot.expired.v1',
          tenantId: job.tenantId,
          subject: l.memberId,
          data: { memberId: l.memberId, lotId: l.id, points: l.remaining, cause: 'lot', expiresAt: (l.expiresAt ?? job.at).toISOString(), expiredAt: job.at.toISOString(), operation },
        }),
      ),
    );
    return { progress: this.progress(job, cursor, { ...NONE, processed: locked.length, points: sum(locked.map((l) => l.remaining)) }, []), more };
  }

  /**
   * Holds past their expiry end (status `expired`): each allocation goes back to its lot, or —
   * the lot having expired by the run's instant — is credited and expired at once (the model's
   * `endHold`/`giveBack`), with a `points.lot.expired.v1` (cause `hold`) for that part.
   */
  async releaseHolds(m: EntityManager, job: LedgerJob, limit: number): Promise<BatchOutcome> {
    const queue = await this.lots.findExpiredHolds(m, job.tenantId, job.at, position(job.cursor, 'holds'), limit);
    const holdsDone = queue.length < limit;
    // The expire job moves on to its lots phase once the holds are done.
    const next: JobCursor | null = holdsDone && job.kind === 'expire' ? { phase: 'lots', t: null, id: null } : null;
    const cursor: JobCursor = next ?? (queue.length > 0 ? { phase: 'holds', ...queue[queue.length - 1].position } : (job.cursor ?? { phase: 'holds', t: null, id: null }));
    const more = !holdsDone || next !== null;
    const isExpired = (expiresAt: Date | null | undefined) => expiresAt !== null && expiresAt !== undefined && expiresAt.getTime() <= job.at.getTime();

    if (job.dryRun) {
      const expiries = await this.lots.findLotExpiries(m, job.tenantId, queue.flatMap((h) => h.allocations.map((a) => a.lotId)));
      const expiredPart = sum(queue.flatMap((h) => h.allocations.filter((a) => isExpired(expiries.get(a.lotId))).map((a) => a.points)));
      const items = queue.map((h) => ({ memberId: h.memberId, lotId: null, redemptionId: h.id, points: h.points, at: h.t.toISOString() }));
      return { progress: this.progress(job, cursor, { ...NONE, points: expiredPart, holdsReleased: queue.length, holdPoints: sum(queue.map((h) => h.points)) }, items), more };
    }

    await this.lots.lockAccounts(m, job.tenantId, queue.map((h) => h.memberId));
    const locked = await this.lots.lockExpiredHolds(m, job.tenantId, queue.map((h) => h.id), job.at);
    const lots = await this.lots.lockLots(m, job.tenantId, locked.flatMap((h) => h.allocations.map((a) => a.lotId)));
    const operation = `expire:${job.id}`;
    const writes = new Writes(this.ids);
    const credits = new Map<string, number>();
    const events: NewEvent<'points.lot.expired.v1'>[] = [];
    let expiredPoints = 0;
    for (const hold of locked) {
      for (const a of hold.allocations) {
        const lot = lots.get(a.lotId);
        if (!lot) throw new Error(`ledger inconsistency: hold ${hold.id} names unknown lot ${a.lotId}`);
        writes.move(hold.memberId, 'release', a.points, 'held', 'available', a.lotId);
        if (isExpired(lot.expiresAt)) {
          writes.move(hold.memberId, 'expire', a.points, 'available', 'expired', a.lotId);
          expiredPoints += a.points;
          events.push({
            topic: 'points.lot.expired.v1',
            tenantId: job.tenantId,
            subject: hold.memberId,
            data: { memberId: hold.memberId, lotId: a.lotId, points: a.points, cause: 'hold', expiresAt: (lot.expiresAt ?? job.at).toISOString(), expiredAt: job.at.toISOString(), operation },
          });
        } else {
          credits.set(a.lotId, (credits.get(a.lotId) ?? 0) + a.points);
        }
      }
    }
    await this.lots.markHoldsExpired(m, job.tenantId, locked.map((h) => h.id));
    await this.lots.shiftLots(m, job.tenantId, [...credits].map(([id, points]) => ({ id, points })));
    await this.write(m, job, operation, writes);
    await this.outbox.enqueueMany(m, events);
    const released = sum(locked.map((h) => sum(h.allocations.map((a) => a.points))));
    return { progress: this.progress(job, cursor, { ...NONE, points: expiredPoints, holdsReleased: locked.length, holdPoints: released }, []), more };
  }

  /**
   * Lots expiring within the tenant's `warnDaysBefore` and not warned yet: one
   * `points.lot.expiring.v1` per lot, and the lot marked warned in the same transaction (once
   * per lot, however often the job runs). No balance changes, so no account locks.
   */
  async warnOfExpiry(m: EntityManager, job: LedgerJob, limit: number): Promise<BatchOutcome> {
    const until = warnUntil(job.at, job.policy.warnDaysBefore);
    const start: JobCursor = job.cursor ?? { phase: 'lots', t: null, id: null };
    if (until === null) return { progress: this.progress(job, start, NONE, []), more: false };
    const queue = await this.lots.findDueForWarning(m, job.tenantId, job.at, until, position(job.cursor, 'lots'), limit);
    const cursor: JobCursor = queue.length > 0 ? { phase: 'lots', ...queue[queue.length - 1].position } : start;
    const more = queue.length === limit;
    if (job.dryRun) {
      const items = queue.map((l) => ({ memberId: l.memberId, lotId: l.id, redemptionId: null, points: l.remaining, at: l.t.toISOString() }));
      return { progress: this.progress(job, cursor, { ...NONE, processed: queue.length, points: sum(queue.map((l) => l.remaining)) }, items), more };
    }
    const locked = await this.lots.lockLotsToWarn(m, job.tenantId, queue.map((l) => l.id), job.at, until);
    await this.lots.markWarned(m, job.tenantId, locked.map((l) => l.id), job.at);
    await this.outbox.enqueueMany(
      m,
      locked.map(
        (l): NewEvent<'points.lot.expiring.v1'> => ({
          topic: 'points.lot.expiring.v1',
          tenantId: job.tenantId,
          subject: l.memberId,
          data: {
            memberId: l.memberId,
            lotId: l.id,
            points: l.remaining,
            expiresAt: (l.expiresAt ?? until).toISOString(),
            lastDay: localDateOf(new Date((l.expiresAt ?? until).getTime() - 1), job.timezone),
            warnedAt: job.at.toISOString(),
          },
        }),
      ),
    );
    return { progress: this.progress(job, cursor, { ...NONE, processed: locked.length, points: sum(locked.map((l) => l.remaining)) }, []), more };
  }

  /**
   * Writes a batch's entries (dated now) and its members' balance changes, pays off the debts of
   * members left with one from their spendable lots (soonest-expiring first, `settle` memo
   * entries that leave the available figure as it is, as the model does after every
   * operation), and publishes one `points.ledger-entry.created.v1` per entry with the member's
   * balance after it.
   */
  private async write(m: EntityManager, job: LedgerJob, operation: string, writes: Writes): Promise<void> {
    const at = this.clock.now();
    const after = await this.lots.applyBalanceDeltas(m, job.tenantId, writes.deltas());
    const settlements = await this.settlements(m, job, [...after].filter(([, a]) => a.debt > 0).map(([memberId, a]) => ({ memberId, debt: a.debt })));
    const entries = [...writes.entries, ...settlements];
    await this.lots.insertEntries(m, job.tenantId, operation, at, entries);

    const byMember = new Map<string, NewEntry[]>();
    for (const e of entries) byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e]);
    const events: NewEvent<'points.ledger-entry.created.v1'>[] = [];
    for (const [memberId, own] of byMember) {
      const final = after.get(memberId);
      if (!final) throw new Error(`ledger inconsistency: entries for member ${memberId} without a balance change`);
      const balances = runningBalancesBackFrom(final.balances, own);
      own.forEach((e, i) =>
        events.push({
          topic: 'points.ledger-entry.created.v1',
          tenantId: job.tenantId,
          subject: memberId,
          time: at,
          data: {
            entryId: e.id,
            memberId,
            kind: e.kind,
            points: e.points,
            from: e.from,
            to: e.to,
            operation,
            lotId: e.lotId,
            transactionId: null,
            storeId: null,
            balance: balances[i],
            createdAt: at.toISOString(),
          },
        }),
      );
    }
    await this.outbox.enqueueMany(m, events);
  }

  /** The `settle` entries paying off the members' debts, with the lots and debts updated. */
  private async settlements(m: EntityManager, job: LedgerJob, indebted: readonly { memberId: string; debt: number }[]): Promise<NewEntry[]> {
    if (indebted.length === 0) return [];
    const open = await this.lots.lockOpenLots(m, job.tenantId, indebted.map((d) => d.memberId));
    const byMember = new Map<string, Lot[]>();
    for (const lot of open) byMember.set(lot.memberId, [...(byMember.get(lot.memberId) ?? []), lot]);
    const entries: NewEntry[] = [];
    const debits: { id: string; points: number }[] = [];
    const paid: { memberId: string; points: number }[] = [];
    for (const { memberId, debt } of indebted) {
      const allocations = debtSettlement(byMember.get(memberId) ?? [], debt, job.at);
      for (const a of allocations) {
        entries.push({ id: this.ids.uuid(), memberId, kind: 'settle', points: a.points, from: null, to: null, lotId: a.lotId });
        debits.push({ id: a.lotId, points: -a.points });
      }
      if (allocations.length > 0) paid.push({ memberId, points: sum(allocations.map((a) => a.points)) });
    }
    await this.lots.shiftLots(m, job.tenantId, debits);
    await this.lots.reduceDebts(m, job.tenantId, paid);
    return entries;
  }

  /** The run's counters after this batch; `value` is the run's total points valued once (not a sum of rounded parts). */
  private progress(job: LedgerJob, cursor: JobCursor, added: Counts, items: readonly PreviewItem[]): JobProgress {
    const preview = job.dryRun && job.preview.length < PREVIEW_LIMIT ? [...job.preview, ...items].slice(0, PREVIEW_LIMIT) : job.preview;
    return { ...added, cursor, preview, value: liabilityValue(job.points + added.points, job.policy.pointValue) };
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
