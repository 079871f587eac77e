import type { Logger } from 'pino';
import { runWithTenant } from '@club/platform-observability';

/**
 * The background loop of a leased job table (tier reviews, imports): claim the oldest claimable
 * job, process it under its tenant's logging context, repeat until none is left; poll every
 * `pollMs` and on `kick()`. One job at a time per process; `stop()` lets the job in hand reach a
 * committed point (the job's own code checks `stopping` between batches) and the lease lets
 * another replica resume the rest.
 */
export class JobWorker<J extends { tenantId: string }> {
  private timer: NodeJS.Timeout | undefined;
  private working: Promise<void> | undefined;
  private started = false;
  stopping = false;

  constructor(
    private readonly name: string,
    private readonly claim: () => Promise<J | undefined>,
    private readonly process: (job: J) => Promise<void>,
    private readonly logger: Logger,
    private readonly pollMs = 2000,
  ) {}

  start(): void {
    this.started = true;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.working;
  }

  /** Starts draining now unless not started, already draining or stopping. */
  kick(): void {
    if (!this.started || this.working || this.stopping) return;
    this.working = this.drain()
      .catch((err: unknown) => this.logger.error({ err, worker: this.name }, 'job worker failed'))
      .finally(() => {
        this.working = undefined;
      });
  }

  /** Processes claimable jobs until none is left (tests call it directly). */
  async drain(): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      const job = await this.claim();
      if (!job) return;
      await runWithTenant(job.tenantId, () => this.process(job));
    }
  }
}

/** At most one run per tenant at a time: a second request while one runs gets the same promise. */
export class PerTenantOnce<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(tenantId: string, work: () => Promise<T>): Promise<T> {
    const inFlight = this.running.get(tenantId);
    if (inFlight) return inFlight;
    const run = runWithTenant(tenantId, work).finally(() => this.running.delete(tenantId));
    this.running.set(tenantId, run);
    return run;
  }
}
