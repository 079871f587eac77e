import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { KafkaConsumers } from '@club/platform-nest';
import { CampaignSettingsService } from '../services/campaign-settings.service';
import { ReplayService } from '../services/replay.service';

/**
 * What campaigns keeps of the members service's data, in one consumer group for the service (each
 * effect is in the database, recorded once per event with it):
 * - the custom attributes clubs declare (`members.attribute.defined.v1`), so rules can read them typed;
 * - erasures (`members.member.erased.v1`): the member facts stored with their checkouts for replays
 *   are deleted.
 */
@Injectable()
export class MemberFactsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly settings: CampaignSettingsService,
    private readonly replays: ReplayService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start('campaigns.member-facts', {
      'members.attribute.defined.v1': async (event, m) => this.settings.recordAttribute(m, event.tenantId, event.data),
      'members.member.erased.v1': async (event, m) => this.replays.forgetMember(m, event.tenantId, event.data.memberId),
    });
  }
}
