import pino from 'pino';
import type { DataSource } from 'typeorm';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { testKafka } from '@club/platform-testing';
import type { MembersConfig } from '../src/config';
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
    scores: new ScoresService(new ScoresRepository(ds), repo, uow, new Clock(), logger),
    segments: new SegmentsService(new SegmentsRepository(ds), repo, outbox, uow, new Clock(), new Ids(), logger),
    journey: new JourneyService(new JourneyRepository(ds), outbox, uow, new Clock(), logger),
    newReviewer: () => new TierReviewService(reviewRepo, activity, outbox, uow, new Clock(), new Ids(), logger),
    newImporter: () => new ImportService(importRepo, members, uow, new Ids(), logger),
  };
}
