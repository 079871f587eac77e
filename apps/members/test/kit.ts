import pino from 'pino';
import type { DataSource } from 'typeorm';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { testKafka } from '@club/platform-testing';
import type { TenantContext } from '@club/contracts';
import type { MembersConfig } from '../src/config';
import { MemberPassRepository, type PassKind } from '../src/repositories/member-pass.repository';
import { MemberPassService } from '../src/services/member-pass.service';
import { PassSchedulerService } from '../src/services/pass-scheduler.service';
import { ActivityRepository } from '../src/repositories/activity.repository';
import { CardNumberSource } from '../src/repositories/card-number.source';
import { ImportRepository } from '../src/repositories/import.repository';
import { JourneyRepository } from '../src/repositories/journey.repository';
import { MemberRepository } from '../src/repositories/member.repository';
import { ScoresRepository } from '../src/repositories/scores.repository';
import { SegmentsRepository } from '../src/repositories/segments.repository';
import { TierReviewRepository } from '../src/repositories/tier-review.repository';
import { ImportService } from '../src/services/import.service';
import { JourneyService } from '../src/services/journey.service';
import { MembersService } from '../src/services/members.service';
import { PurchasesService } from '../src/services/purchases.service';
import { ScoresService } from '../src/services/scores.service';
import { SegmentsService } from '../src/services/segments.service';
import { TierReviewService } from '../src/services/tier-review.service';
import { TiersService } from '../src/services/tiers.service';

/**
 * The members service's classes wired on a test database, as the Nest module wires them (real
 * repositories, a relay that is never started: events stay in the outbox for assertions).
 */
export function membersKit(ds: DataSource) {
  const logger = pino({ level: 'silent' });
  const uow = new UnitOfWork(ds, new OutboxRelay(ds, testKafka(), logger));
  const repo = new MemberRepository(ds);
  const activity = new ActivityRepository(ds);
  const outbox = new OutboxRepository();
  const members = new MembersService(repo, outbox, uow, new Clock(), new Ids(), new CardNumberSource(), activity, { CARD_PREFIX: '7091' } as MembersConfig);
  const tiers = new TiersService(activity, repo, outbox, uow, new Clock(), new Ids());
  const reviewRepo = new TierReviewRepository(ds);
  const importRepo = new ImportRepository(ds);
  const scores = new ScoresService(new ScoresRepository(ds), repo, new Clock());
  const segments = new SegmentsService(new SegmentsRepository(ds), repo, activity, outbox, new Ids());
  const journey = new JourneyService(new JourneyRepository(ds), outbox);
  const passRepo = new MemberPassRepository(ds);
  const passes = new MemberPassService(passRepo, activity, uow, new Clock(), new Ids(), scores, segments, journey, logger);
  const newReviewer = () => new TierReviewService(reviewRepo, activity, outbox, uow, new Clock(), new Ids(), logger);
  return {
    logger,
    uow,
    repo,
    activity,
    members,
    tiers,
    reviewRepo,
    importRepo,
    purchases: new PurchasesService(activity, repo, tiers, outbox, new JourneyRepository(ds), logger),
    scores,
    segments,
    journey,
    passRepo,
    passes,
    /** Requests a pass and runs the claimable passes to the end; returns the pass as it finished. */
    runPass: async (tenant: TenantContext, kind: PassKind) => {
      const started = await passes.request(tenant, kind);
      await passes.drain();
      return passes.get(tenant, started.id);
    },
    newReviewer,
    newScheduler: (clock: Clock, config: Partial<MembersConfig> = {}) =>
      new PassSchedulerService(passes, passRepo, newReviewer(), activity, clock, { MEMBERS_SCHEDULER_INTERVAL_MS: 0, MEMBERS_DAILY_PASS_HOUR: 2, ...config } as MembersConfig, logger),
    newImporter: () => new ImportService(importRepo, members, uow, new Ids(), logger),
  };
}
