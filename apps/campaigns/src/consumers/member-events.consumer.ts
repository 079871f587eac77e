import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { KafkaConsumers } from '@club/platform-nest';
import { MemberEventsService } from '../services/member-events.service';

/**
 * Member events that trigger campaign rules (`enrolment`, `tier-changed`, `referral-completed`
 * for the referrer). The evaluation is recorded once per event id and its points credited
 * idempotently (MemberEventsService); a points failure throws, so the event is redelivered.
 */
@Injectable()
export class MemberEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly memberEvents: MemberEventsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start('campaigns.member-events', {
      'members.member.enrolled.v1': (event, m) => this.memberEvents.onMemberEvent(event, m),
      'members.tier.changed.v1': (event, m) => this.memberEvents.onMemberEvent(event, m),
      'members.referral.completed.v1': (event, m) => this.memberEvents.onMemberEvent(event, m),
    });
  }
}
