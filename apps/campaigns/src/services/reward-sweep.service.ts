import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { pointsRedemptionIdOf, type TenantContext } from '@club/contracts';
import { CONFIG, Clock, LOGGER, PeriodicTask } from '@club/platform-nest';
import { runWithTenant } from '@club/platform-observability';
import type { CampaignsConfig } from '../config';
import { PointsClient } from '../repositories/points.client';
import { RewardsService } from './rewards.service';

type SweepConfig = Pick<CampaignsConfig, 'REWARDS_SWEEP_INTERVAL_MS' | 'REWARDS_RESERVATION_TIMEOUT_MS'>;

const BATCH = 200;

export interface SweepResult {
  /** Reservations whose points were never held, released (their units back in stock). */
  readonly released: number;
  /** Abandoned holds captured by points (now or earlier) and marked fulfilled. */
  readonly fulfilled: number;
  /** Abandoned holds points could not capture (released or expired there), released here. */
  readonly holdsEnded: number;
  /** Abandoned holds left for the next sweep (points did not answer). */
  readonly pending: number;
}

/**
 * Finishes reward redemptions the gateway left unfinished (it crashed, or the client gave up),
 * every `REWARDS_SWEEP_INTERVAL_MS`, for redemptions whose last step is older than
 * `REWARDS_RESERVATION_TIMEOUT_MS`:
 *
 * 1. **Reserved, never held** → released (`timed-out`), the unit back in stock. No call to
 *    points: the gateway captures only after campaigns recorded the hold (reserved → held, a
 *    compare-and-set this release races with), so the member cannot be charged for a released
 *    reservation. A hold the gateway placed before stalling expires in points on its own (the
 *    ledger policy's holdTtlSeconds), or is released by the gateway on the client's retry.
 * 2. **Held, not fulfilled** → only points knows whether the capture happened before the
 *    gateway stopped, so the sweep asks it the one way that is idempotent: CaptureRedemption
 *    with the same id the gateway uses (`reward:<redemptionId>`). Captured (now, or earlier: the
 *    replay) → fulfilled; refused (the hold was released or expired, so it can never be
 *    captured) → released (`hold-ended`), the unit back; no answer → tried next time. This is the
 *    only call campaigns makes to points; without POINTS_GRPC_ADDR these wait for the retry.
 *
 * Every replica may sweep: step 1 is one statement that skips rows locked elsewhere; step 2's
 * capture is idempotent in points and the state change a compare-and-set here.
 */
@Injectable()
export class RewardSweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly rewards: RewardsService,
    private readonly points: PointsClient,
    private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: SweepConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.task = new PeriodicTask('reward sweep', config.REWARDS_SWEEP_INTERVAL_MS, async () => {
      await this.sweep();
    }, logger);
  }

  onApplicationBootstrap(): void {
    if (this.config.REWARDS_SWEEP_INTERVAL_MS > 0 && !this.points.configured) {
      this.logger.warn('POINTS_GRPC_ADDR is not set: the reward sweep releases stale reservations but leaves abandoned holds to client retries');
    }
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass (tests call it with a controlled clock). */
  async sweep(): Promise<SweepResult> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.REWARDS_RESERVATION_TIMEOUT_MS);
    const released = await this.rewards.releaseStaleReservations(cutoff, BATCH);
    let fulfilled = 0;
    let holdsEnded = 0;
    let pending = 0;
    if (this.points.configured) {
      for (const h of await this.rewards.staleHolds(cutoff, BATCH)) {
        const tenant: TenantContext = { tenantId: h.tenantId, ...h.caller };
        await runWithTenant(h.tenantId, async () => {
          try {
            if ((await this.points.capture(tenant, pointsRedemptionIdOf(h.id))) === 'captured') {
              await this.rewards.fulfil(tenant, h.id);
              fulfilled++;
            } else {
              await this.rewards.release(tenant, h.id, 'hold-ended', null);
              holdsEnded++;
            }
          } catch (err) {
            pending++;
            this.logger.warn({ err }, 'reward sweep could not settle an abandoned hold; the next sweep retries');
          }
        });
      }
    }
    if (released + fulfilled + holdsEnded + pending > 0) this.logger.info({ released, fulfilled, holdsEnded, pending }, 'reward sweep');
    return { released, fulfilled, holdsEnded, pending };
  }
}
