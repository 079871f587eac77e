import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { CONFIG, Clock, LOGGER, PeriodicTask } from '@club/platform-nest';
import { runWithTenant } from '@club/platform-observability';
import type { PointsConfig } from '../config';
import { dailyJobDate, holdSweepSlot } from '../domain/ledger-jobs';
import { LedgerJobRepository } from '../repositories/ledger-job.repository';
import { LedgerJobService } from './ledger-job.service';

type SchedulerConfig = Pick<PointsConfig, 'POINTS_JOBS_SCHEDULER_INTERVAL_MS' | 'POINTS_DAILY_JOBS_HOUR' | 'POINTS_HOLD_SWEEP_INTERVAL_MS'>;

/**
 * Requests the ledger jobs on each tenant's clock:
 * - daily, from `POINTS_DAILY_JOBS_HOUR` local time: activation, then expiry once activation has
 *   finished (lots activated late may already be past their expiry), then the warnings once
 *   expiry has finished (nothing expiring now is warned about);
 * - the hold sweep every `POINTS_HOLD_SWEEP_INTERVAL_MS`, for the tenants with an expired hold.
 * Every request is idempotent in the database (one run per tenant, kind and local date or sweep
 * slot), so every replica may tick; the work is claimed by the leased workers.
 */
@Injectable()
export class LedgerJobSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly jobs: LedgerJobService,
    private readonly repo: LedgerJobRepository,
    private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: SchedulerConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.task = new PeriodicTask('ledger job scheduler', config.POINTS_JOBS_SCHEDULER_INTERVAL_MS, () => this.tick(), logger);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One look at every tenant: requests whatever is due (tests call it with a fixed clock). */
  async tick(): Promise<void> {
    const now = this.clock.now();
    for (const t of await this.repo.tenants()) {
      const day = dailyJobDate(now, t.timezone, this.config.POINTS_DAILY_JOBS_HOUR);
      if (day === null) continue;
      await runWithTenant(t.tenantId, async () => {
        const finished = (s: string) => s === 'completed' || s === 'failed';
        const activate = await this.jobs.scheduleJob(t.tenantId, 'activate', day, t.timezone);
        if (!finished(activate.status)) return;
        const expire = await this.jobs.scheduleJob(t.tenantId, 'expire', day, t.timezone);
        if (finished(expire.status)) await this.jobs.scheduleJob(t.tenantId, 'warn', day, t.timezone);
      });
    }
    const slot = holdSweepSlot(now, this.config.POINTS_HOLD_SWEEP_INTERVAL_MS);
    for (const t of await this.repo.tenantsWithExpiredHolds(now)) {
      await runWithTenant(t.tenantId, () => this.jobs.scheduleJob(t.tenantId, 'release-holds', `holds@${slot}`, t.timezone));
    }
  }
}
