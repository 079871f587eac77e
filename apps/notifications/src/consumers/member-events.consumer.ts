import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { KafkaConsumers } from '@club/platform-nest';
import { InboxService } from '../services/inbox.service';

/** Turns member and points events into inbox messages; idempotent per event id. */
@Injectable()
export class MemberEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly inbox: InboxService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start('notifications.inbox', {
      'members.member.enrolled.v1': (event, m) => this.inbox.welcomeMember(event, m),
      'points.ledger-entry.created.v1': (event, m) => this.inbox.notifyPointsEarned(event, m),
      'points.lot.expiring.v1': (event, m) => this.inbox.notifyPointsExpiring(event, m),
      'members.member.erased.v1': (event, m) => this.inbox.forgetMember(event, m),
    });
  }
}
