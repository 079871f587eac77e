import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { LedgerJobKind, LedgerJobRequest, LedgerJobView, TenantContext } from '@club/contracts';
import { Clock, Ids, invalidArgument, JobWorker, LOGGER, notFound, UnitOfWork } from '@club/platform-nest';
import { LedgerJobRepository, type LedgerJob } from '../repositories/ledger-job.repository';
import { LedgerBatchService } from './ledger-batch.service';

const LEASE_MS = 120_000;
/** How far ahead of the server's clock a real run's instant may be (clock skew between replicas and callers). */
const SKEW_MS = 60_000;
/** A deadlock or serialization failure retries the batch at once, this many times, before leaving the run to its lease. */
const RETRIES = 3;

export const toLedgerJobView = (j: LedgerJob): LedgerJobView => ({
  id: j.id,
  kind: j.kind,
  at: j.at.toISOString(),
  dryRun: j.dryRun,
  scheduledFor: j.periodKey,
  status: j.status,
  processed: j.processed,
  points: j.points,
  value: j.value.toString(),
  holdsReleased: j.holdsReleased,
  holdPoints: j.holdPoints,
  preview: [...j.preview],
  error: j.error,
  createdAt: j.createdAt.toISOString(),
  startedAt: j.startedAt?.toISOString() ?? null,
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

const retryable = (err: unknown) => ['40P01', '40001'].includes(String((err as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ?? (err as { code?: unknown })?.code));

/**
 * Activation, expiry, expiry warnings and the hold sweep as leased runs per tenant: bounded (one
 * transaction per batch of lots or holds), resumable (the cursor and counters commit with each
 * batch's effects; a crashed worker's run is claimed by any replica after its lease and continues
 * from the last commit), idempotent (a batch re-checks every lot under its lock, so running again
 * — or resuming a batch that rolled back — never applies a lot twice; one unfinished run per
 * tenant, kind and dry-run flag; one scheduled run per tenant, kind and local date), sharded per
 * tenant (runs are claimed with SKIP LOCKED), with a dry run that counts and values what the real
 * run would do and changes nothing. The tenant's policy and zone are fixed when a run is created.
 */
@Injectable()
export class LedgerJobService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: JobWorker<LedgerJob>;
  /** Lots (or holds) per batch, one transaction each. */
  batchSize = 2000;

  constructor(
    private readonly jobs: LedgerJobRepository,
    private readonly batches: LedgerBatchService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.worker = new JobWorker('ledger-job', () => this.jobs.claim(LEASE_MS), (j) => this.process(j), logger);
  }

  /** Starts a run (or returns the tenant's unfinished one of that kind and dry-run flag). */
  async startJob(tenant: TenantContext, input: LedgerJobRequest): Promise<LedgerJobView> {
    const now = this.clock.now();
    const at = input.at ? new Date(input.at) : now;
    if (!input.dryRun && at.getTime() > now.getTime() + SKEW_MS) {
      throw invalidArgument('a real run cannot judge a future instant (a dry run can preview it)', [{ pointer: '#/at', detail: 'must not be in the future' }]);
    }
    await this.rememberTenant(tenant);
    const policy = await this.jobs.findPolicy(tenant.tenantId);
    const { job } = await this.jobs.create(tenant.tenantId, { id: this.ids.uuid(), kind: input.kind, at, dryRun: input.dryRun, periodKey: null, timezone: tenant.timezone, policy });
    this.worker.kick();
    return toLedgerJobView(job);
  }

  /** The scheduler's request: one real run per tenant, kind and period, however many replicas ask. */
  async scheduleJob(tenantId: string, kind: LedgerJobKind, periodKey: string, timezone: string): Promise<LedgerJob> {
    const policy = await this.jobs.findPolicy(tenantId);
    const out = await this.jobs.create(tenantId, { id: this.ids.uuid(), kind, at: this.clock.now(), dryRun: false, periodKey, timezone, policy });
    if (out.created) this.worker.kick();
    return out.job;
  }

  async getJob(tenant: TenantContext, id: string): Promise<LedgerJobView> {
    const job = await this.jobs.find(tenant.tenantId, id);
    if (!job) throw notFound('ledger job not found');
    return toLedgerJobView(job);
  }

  /** Remembers the tenant's zone for the scheduler (every points call passes it; see TenantDirectoryInterceptor). */
  rememberTenant(tenant: TenantContext): Promise<void> {
    return this.jobs.rememberTenant({ tenantId: tenant.tenantId, timezone: tenant.timezone, calendar: tenant.calendar, currency: tenant.currency });
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

  /** Runs a claimed job to the end, batch by batch. */
  async process(job: LedgerJob): Promise<void> {
    const started = Date.now();
    const outcome = await this.worker.settle(
      () => this.worker.steps(() => this.stepWithRetry(job.tenantId, job.id)),
      (status, error) => this.jobs.finish(job.tenantId, job.id, status, error),
      { job_id: job.id, kind: job.kind },
    );
    if (outcome !== 'completed') return;
    const done = await this.jobs.find(job.tenantId, job.id);
    this.logger.info(
      { job_id: job.id, kind: job.kind, dry_run: job.dryRun, processed: done?.processed, points: done?.points, holds_released: done?.holdsReleased, ms: Date.now() - started },
      'ledger job completed',
    );
  }

  private async stepWithRetry(tenantId: string, id: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.step(tenantId, id);
      } catch (err) {
        if (attempt >= RETRIES || !retryable(err)) throw err;
        this.logger.warn({ err, job_id: id, attempt }, 'ledger job batch retried');
      }
    }
  }

  /** One transaction: one batch and the run's cursor. False when nothing is left. */
  async step(tenantId: string, id: string): Promise<boolean> {
    return this.uow.run(async (m) => {
      const job = await this.jobs.lock(m, tenantId, id);
      if (!job || job.status !== 'running') return false;
      const { progress, more } = await this.batches.runBatch(m, job, this.batchSize);
      await this.jobs.advance(m, tenantId, id, progress, LEASE_MS);
      return more;
    });
  }
}
