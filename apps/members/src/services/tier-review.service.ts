import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { TenantContext, TierReviewView } from '@club/contracts';
import { OutboxRepository, type NewEvent } from '@club/platform-kafka';
import { Clock, Ids, invalidArgument, JobWorker, LOGGER, notFound, UnitOfWork } from '@club/platform-nest';
import { atReview, ladderAt, standingResolver, type CurrentStanding } from '../domain/tier';
import { memberWindow, toLadder } from '../domain/tier-program';
import { ActivityRepository } from '../repositories/activity.repository';
import { TierReviewRepository, type PreviewMove, type TierReviewRun } from '../repositories/tier-review.repository';

const LEASE_MS = 60_000;

const toView = (r: TierReviewRun): TierReviewView => ({
  id: r.id,
  reviewAt: r.reviewAt.toISOString(),
  dryRun: r.dryRun,
  status: r.status,
  ladderVersion: r.ladderVersion,
  processed: r.processed,
  upgraded: r.upgraded,
  downgraded: r.downgraded,
  graced: r.graced,
  kept: r.kept,
  preview: [...r.preview],
  error: r.error,
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

/**
 * The periodic tier review (re-qualification): downgrades happen only here, one level at a time
 * or straight to the earned level, after any grace period; upgrades the member earned but did
 * not get yet are applied too. Bounded (batches of 1,000 members, each one transaction),
 * resumable (cursor and counters commit with the batch; a lease lets another replica take over
 * a crashed run), idempotent (one run per tenant and review instant; a batch is never applied
 * twice), sharded per tenant (runs are claimed per tenant with SKIP LOCKED), with a dry run that
 * counts and previews the moves without changing anything.
 */
@Injectable()
export class TierReviewService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: JobWorker<TierReviewRun>;
  /** Members per batch (one transaction each). */
  batchSize = 1000;

  constructor(
    private readonly reviews: TierReviewRepository,
    private readonly activity: ActivityRepository,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.worker = new JobWorker('tier-review', () => this.reviews.claimRun(LEASE_MS), (run) => this.processRun(run), logger);
  }

  async requestReview(tenant: TenantContext, input: { reviewAt?: string; dryRun: boolean }): Promise<TierReviewView> {
    const reviewAt = input.reviewAt ? new Date(input.reviewAt) : this.clock.now();
    if (reviewAt.getTime() > this.clock.now().getTime() + 60_000) {
      throw invalidArgument('a review cannot be run for the future', [{ pointer: '#/reviewAt', detail: 'must not be in the future' }]);
    }
    await this.activity.rememberTenant(tenant.tenantId, tenant);
    const run = await this.reviews.createRun(tenant.tenantId, this.ids.uuid(), reviewAt, input.dryRun, tenant.timezone);
    this.worker.kick();
    return toView(run);
  }

  /** The scheduler's request: the real review at a scheduled instant, once however often asked. */
  async schedule(tenantId: string, reviewAt: Date, timezone: string): Promise<void> {
    const run = await this.reviews.createRun(tenantId, this.ids.uuid(), reviewAt, false, timezone);
    if (run.status === 'pending') this.worker.kick();
  }

  async getReview(tenant: TenantContext, id: string): Promise<TierReviewView> {
    const run = await this.reviews.findRun(tenant.tenantId, id);
    if (!run) throw notFound('tier review not found');
    return toView(run);
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop(); // the batch in hand commits; the rest resumes from the cursor after restart
  }

  /** Processes claimable runs until none is left (tests and the benchmark call it directly). */
  drain(): Promise<void> {
    return this.worker.drain();
  }

  /** Runs a claimed review to the end, batch by batch. Exposed for tests and the benchmark. */
  async processRun(run: TierReviewRun): Promise<void> {
    const started = Date.now();
    const outcome = await this.worker.settle(
      () => this.worker.steps(() => this.runBatch(run.tenantId, run.id)),
      (status, error) => this.reviews.finishRun(run.tenantId, run.id, status, error),
      { review_id: run.id },
    );
    if (outcome !== 'completed') return;
    const done = await this.reviews.findRun(run.tenantId, run.id);
    this.logger.info(
      { review_id: run.id, dry_run: run.dryRun, processed: done?.processed, downgraded: done?.downgraded, upgraded: done?.upgraded, ms: Date.now() - started },
      'tier review completed',
    );
  }

  /** One batch in one transaction; false when there is nothing left. */
  async runBatch(tenantId: string, runId: string): Promise<boolean> {
    return this.uow.run(async (m) => {
      const run = await this.reviews.lockRun(m, tenantId, runId);
      if (!run || run.status !== 'running') return false;
      const reviewAt = run.reviewAt;
      const versions = (await this.activity.listLadders(m, tenantId)).map(toLadder);
      const chosen = ladderAt(versions, reviewAt.toISOString());
      const ladder = chosen && versions.find((v) => v.version === chosen.version);
      if (!ladder) return false;
      const candidates = await this.reviews.nextCandidates(m, tenantId, run.cursor, this.batchSize);
      if (candidates.length === 0) return false;
      // Period windows (calendar or Jalali year, anniversary) are judged only once completed: the
      // window holding the instant before the review if it has ended by then, otherwise the one
      // before it (a mid-year review judges last year). A rolling window ends at the review.
      const completedWindow = (createdAt: Date) => {
        const w = memberWindow(ladder.window, createdAt, new Date(reviewAt.getTime() - 1), run.timezone);
        if (ladder.window.kind === 'rolling-months' || w.end.getTime() <= reviewAt.getTime()) return w;
        return memberWindow(ladder.window, createdAt, new Date(w.start.getTime() - 1), run.timezone);
      };
      const windows = candidates.map((c) => ({ memberId: c.memberId, ...completedWindow(c.createdAt) }));
      const metrics = await this.reviews.batchMetrics(m, tenantId, ladder.metric, windows);
      const tally = { upgraded: 0, downgraded: 0, graced: 0, kept: 0 };
      const preview: PreviewMove[] = [];
      const writes: Parameters<TierReviewRepository['applyStandings']>[2][number][] = [];
      const moves: { memberId: string; from: string; to: string; direction: 'up' | 'down'; reason: string; ladderVersion: number; at: Date }[] = [];
      // Stored codes are read against the ladder in force: a code a later version renamed or
      // dropped follows the versions' formerCodes. A rename is not a move (no history, no event);
      // a mapping onto another rank is recorded as a 'ladder-change' move dated at the effectiveFrom
      // of the version that made it (see standingResolver). The written row holds the mapped code;
      // the compare-and-set below still expects the stored (old) code.
      const resolve = standingResolver(versions, ladder);
      candidates.forEach((c, i) => {
        const window = windows[i];
        const current: CurrentStanding =
          c.code !== null && c.since !== null && c.ladderVersion !== null
            ? resolve({ code: c.code, since: c.since.toISOString(), ladderVersion: c.ladderVersion, ...(c.graceUntil ? { graceUntil: c.graceUntil.toISOString() } : {}) })
            : { standing: { code: ladder.levels[0].code, since: c.createdAt.toISOString() }, mapped: false };
        const { standing, change } = current;
        const code = standing.code;
        const since = new Date(standing.since);
        const graceUntil = standing.graceUntil ? new Date(standing.graceUntil) : null;
        if (change) {
          preview.push({ memberId: c.memberId, from: change.from, to: change.to, direction: change.direction, reason: 'ladder-change' });
          moves.push({ memberId: c.memberId, from: change.from, to: change.to, direction: change.direction, reason: 'ladder-change', ladderVersion: change.ladderVersion, at: new Date(change.at) });
        }
        // Judged once per window; a standing reached after the judged window ended (a purchase this
        // year upgraded the member) is not judged on that older window.
        if ((c.reviewedThrough && c.reviewedThrough.getTime() >= window.end.getTime()) || since.getTime() >= window.end.getTime()) {
          tally.kept++;
          if (current.mapped) {
            // Not judged, but rewritten in the code of the ladder in force.
            writes.push({ memberId: c.memberId, expectedCode: c.code, expectedSince: c.since, code, since, graceUntil, ladderVersion: ladder.version, reviewedThrough: c.reviewedThrough });
          }
          return;
        }
        const outcome = atReview(ladder, standing, metrics.get(c.memberId) ?? 0, reviewAt.toISOString());
        if (outcome.direction === 'up') tally.upgraded++;
        else if (outcome.direction === 'down') tally.downgraded++;
        else if (outcome.reason === 'grace-granted') tally.graced++;
        else tally.kept++;
        if (outcome.direction !== 'kept' || outcome.reason === 'grace-granted') {
          preview.push({ memberId: c.memberId, from: code, to: outcome.code, direction: outcome.direction, reason: outcome.reason });
        }
        const codeChanged = outcome.code !== code;
        writes.push({
          memberId: c.memberId,
          expectedCode: c.code,
          expectedSince: c.since,
          code: outcome.code,
          since: codeChanged ? reviewAt : since,
          graceUntil: outcome.graceUntil ? new Date(outcome.graceUntil) : null,
          ladderVersion: ladder.version,
          reviewedThrough: window.end,
        });
        if (codeChanged && outcome.direction !== 'kept') {
          moves.push({ memberId: c.memberId, from: code, to: outcome.code, direction: outcome.direction, reason: `review:${outcome.reason}`, ladderVersion: ladder.version, at: reviewAt });
        }
      });
      if (!run.dryRun) {
        // Set-based writes; history and events only for the standings actually written.
        const written = await this.reviews.applyStandings(m, tenantId, writes);
        const applied = moves.filter((move) => written.has(move.memberId));
        await this.activity.insertTierHistoryMany(
          m,
          tenantId,
          applied.map((move) => ({ id: this.ids.uuid(), ...move })),
        );
        const events: NewEvent<'members.tier.changed.v1'>[] = applied.map((move) => ({
          topic: 'members.tier.changed.v1',
          tenantId,
          subject: move.memberId,
          time: move.at,
          data: { ...move, at: move.at.toISOString() },
        }));
        await this.outbox.enqueueMany(m, events);
      }
      await this.reviews.advanceRun(
        m,
        tenantId,
        runId,
        { cursor: candidates[candidates.length - 1].memberId, processed: candidates.length, ...tally, preview, ladderVersion: ladder.version },
        LEASE_MS,
      );
      return candidates.length === this.batchSize;
    });
  }
}
