import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { CONFIG, Clock, LOGGER, PeriodicTask } from '@club/platform-nest';
import { runWithTenant } from '@club/platform-observability';
import type { MembersConfig } from '../config';
import { dailyPassDate, scheduledReviewAt } from '../domain/schedule';
import { ladderAt } from '../domain/tier';
import { toLadder } from '../domain/tier-program';
import { ActivityRepository } from '../repositories/activity.repository';
import { MemberPassRepository } from '../repositories/member-pass.repository';
import { MemberPassService } from './member-pass.service';
import { TierReviewService } from './tier-review.service';

/**
 * Starts the periodic member jobs for every club, on the club's clock:
 * - daily from `MEMBERS_DAILY_PASS_HOUR` local time: the journey pass and the scores pass, then
 *   the segments pass once both are done (segments read stages and scores);
 * - the tier review at each scheduled review instant of the ladder in force (see
 *   `scheduledReviewAt`).
 * Every request is idempotent in the database (one pass per club, kind and local date; one review
 * per club and instant), so any number of replicas may tick; the work itself is claimed by the
 * leased workers.
 */
@Injectable()
export class PassSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly passes: MemberPassService,
    private readonly passRepo: MemberPassRepository,
    private readonly reviews: TierReviewService,
    private readonly activity: ActivityRepository,
    private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: MembersConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.task = new PeriodicTask('member job scheduler', config.MEMBERS_SCHEDULER_INTERVAL_MS, () => this.tick(), logger);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One look at every club: requests whatever is due (tests call it with a fixed clock). */
  async tick(): Promise<void> {
    const now = this.clock.now();
    for (const t of await this.passRepo.tenants()) {
      await runWithTenant(t.tenantId, async () => {
        const day = dailyPassDate(now, t.timezone, this.config.MEMBERS_DAILY_PASS_HOUR);
        if (day !== null) {
          const journey = await this.passes.schedule(t.tenantId, 'journey', day, t.timezone);
          const scores = await this.passes.schedule(t.tenantId, 'scores', day, t.timezone);
          if (journey.pass.status === 'completed' && scores.pass.status === 'completed') {
            await this.passes.schedule(t.tenantId, 'segments', day, t.timezone);
          }
        }
        const versions = (await this.activity.listLadders(this.passRepo.dataSource.manager, t.tenantId)).map(toLadder);
        const current = ladderAt(versions, now.toISOString());
        const ladder = current && versions.find((v) => v.version === current.version);
        if (ladder) {
          const reviewAt = scheduledReviewAt(ladder.window, t.calendar, now, t.timezone);
          // Only instants a ladder was in force at: a club that started its programme this year is not judged on last year.
          if (ladderAt(versions, reviewAt.toISOString())) await this.reviews.schedule(t.tenantId, reviewAt, t.timezone);
        }
      });
    }
  }
}
