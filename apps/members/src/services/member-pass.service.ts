import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { MemberPassView, TenantContext } from '@club/contracts';
import { Clock, Ids, JobWorker, LOGGER, notFound, UnitOfWork } from '@club/platform-nest';
import { ActivityRepository } from '../repositories/activity.repository';
import { MemberPassRepository, type MemberPass, type PassKind } from '../repositories/member-pass.repository';
import { JourneyService } from './journey.service';
import { ScoresService } from './scores.service';
import { SegmentsService } from './segments.service';

const LEASE_MS = 120_000;

/** What a kind of pass does: fix its inputs once, then handle members a page at a time. */
export interface PassHandler {
  /** What the pass fixes when it starts (e.g. the population's quintile cuts), stored with the run. */
  prepare(m: EntityManager, pass: MemberPass): Promise<unknown>;
  /**
   * The next page of members after `pass.cursor`, effects written through `m` (the batch's
   * transaction, which also advances the cursor). `last` is the last member id handled, null
   * when none was left.
   */
  batch(m: EntityManager, pass: MemberPass, limit: number): Promise<{ last: string | null; processed: number; changed: number }>;
}

export const toPassView = (p: MemberPass): MemberPassView => ({
  id: p.id,
  kind: p.kind,
  scheduledFor: p.periodKey,
  status: p.status,
  asOf: p.asOf.toISOString(),
  processed: p.processed,
  changed: p.changed,
  error: p.error,
  createdAt: p.createdAt.toISOString(),
  startedAt: p.startedAt?.toISOString() ?? null,
  finishedAt: p.finishedAt?.toISOString() ?? null,
});

/**
 * Scores, segments and journey recomputes as leased runs: bounded (one transaction per page of
 * members), resumable (cursor and state commit with each page; another replica takes over after
 * the lease), one unfinished pass per tenant and kind, and never loading the whole club into
 * memory. Passes are requested through the API or by the scheduler.
 */
@Injectable()
export class MemberPassService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: JobWorker<MemberPass>;
  private readonly handlers: Record<PassKind, PassHandler>;
  /** Members per batch (one transaction each). */
  batchSize = 2000;

  constructor(
    private readonly passes: MemberPassRepository,
    private readonly activity: ActivityRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
    scores: ScoresService,
    segments: SegmentsService,
    journey: JourneyService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.handlers = { scores, segments, journey };
    this.worker = new JobWorker('member-pass', () => this.passes.claim(LEASE_MS), (p) => this.process(p), logger);
  }

  /** Starts a pass (or returns the tenant's unfinished one of that kind). */
  async request(tenant: TenantContext, kind: PassKind): Promise<MemberPassView> {
    await this.activity.rememberTenant(tenant.tenantId, tenant);
    const { pass } = await this.passes.create(tenant.tenantId, { id: this.ids.uuid(), kind, periodKey: null, timezone: tenant.timezone, asOf: this.clock.now() });
    this.worker.kick();
    return toPassView(pass);
  }

  /** The scheduler's request: one pass per tenant, kind and local date, however many replicas ask. */
  async schedule(tenantId: string, kind: PassKind, periodKey: string, timezone: string): Promise<{ pass: MemberPass; created: boolean }> {
    const out = await this.passes.create(tenantId, { id: this.ids.uuid(), kind, periodKey, timezone, asOf: this.clock.now() });
    if (out.created) this.worker.kick();
    return out;
  }

  async get(tenant: TenantContext, id: string): Promise<MemberPassView> {
    const pass = await this.passes.find(tenant.tenantId, id);
    if (!pass) throw notFound('member pass not found');
    return toPassView(pass);
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop(); // the page in hand commits; the rest resumes from the cursor after restart
  }

  /** Processes claimable passes until none is left (tests and the benchmark call it directly). */
  drain(): Promise<void> {
    return this.worker.drain();
  }

  /** Runs a claimed pass to the end, page by page. */
  async process(pass: MemberPass): Promise<void> {
    const started = Date.now();
    const outcome = await this.worker.settle(
      () => this.worker.steps(() => this.step(pass.tenantId, pass.id)),
      (status, error) => this.passes.finish(pass.tenantId, pass.id, status, error),
      { pass_id: pass.id, kind: pass.kind },
    );
    if (outcome !== 'completed') return;
    const done = await this.passes.find(pass.tenantId, pass.id);
    this.logger.info({ pass_id: pass.id, kind: pass.kind, processed: done?.processed, changed: done?.changed, ms: Date.now() - started }, 'member pass completed');
  }

  /** One transaction: the pass's preparation, or one page. False when nothing is left. */
  async step(tenantId: string, id: string): Promise<boolean> {
    return this.uow.run(async (m) => {
      const pass = await this.passes.lock(m, tenantId, id);
      if (!pass || pass.status !== 'running') return false;
      const handler = this.handlers[pass.kind];
      if (pass.state === null) {
        await this.passes.saveState(m, tenantId, id, (await handler.prepare(m, pass)) ?? {}, LEASE_MS);
        return true;
      }
      const out = await handler.batch(m, pass, this.batchSize);
      if (out.last === null) return false;
      await this.passes.advance(m, tenantId, id, { cursor: out.last, processed: out.processed, changed: out.changed }, LEASE_MS);
      return out.processed === this.batchSize;
    });
  }
}
