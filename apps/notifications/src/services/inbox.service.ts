import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { EventEnvelope, TenantContext } from '@club/contracts';
import { Clock, Ids, LOGGER } from '@club/platform-nest';
import { renderPointsEarned, renderPointsExpiring, renderWelcome, type RenderedMessage } from '../domain/templates';
import { InboxRepository, type InboxRecord } from '../repositories/inbox.repository';

@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly clock: Clock,
    private readonly ids: Ids,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Welcome message on enrolment; remembers the member's locale and first name. */
  async welcomeMember(event: EventEnvelope<'members.member.enrolled.v1'>, m: EntityManager): Promise<void> {
    const { memberId, locale, firstName } = event.data;
    await this.inbox.upsertRecipient(m, event.tenantId, memberId, { locale, firstName });
    await this.deliver(m, event.tenantId, memberId, event.id, renderWelcome(locale, firstName));
  }

  /**
   * "Points earned" message for an earn entry (crediting available or pending points), in the
   * member's locale; the ledger's other entries (spends, holds, returns, expiry …) send nothing here.
   */
  async notifyPointsEarned(event: EventEnvelope<'points.ledger-entry.created.v1'>, m: EntityManager): Promise<void> {
    const { memberId, kind, to, points, balance } = event.data;
    // Events from before issue 4 carry no `to`: their earn entries credited available points.
    if (kind !== 'earn' || (to !== undefined && to !== 'available' && to !== 'pending')) return;
    const recipient = await this.inbox.findRecipient(m, event.tenantId, memberId);
    await this.deliver(m, event.tenantId, memberId, event.id, renderPointsEarned(recipient?.locale ?? 'fa', points, balance.available));
  }

  /** A lot about to expire: how many points, and the last day (club time) to spend them. */
  async notifyPointsExpiring(event: EventEnvelope<'points.lot.expiring.v1'>, m: EntityManager): Promise<void> {
    const { memberId, points, lastDay } = event.data;
    const recipient = await this.inbox.findRecipient(m, event.tenantId, memberId);
    await this.deliver(m, event.tenantId, memberId, event.id, renderPointsExpiring(recipient?.locale ?? 'fa', points, lastDay));
  }

  /** Erasure: the member's messages and recipient data are deleted; nothing more is sent. */
  async forgetMember(event: EventEnvelope<'members.member.erased.v1'>, m: EntityManager): Promise<void> {
    await this.inbox.deleteMember(m, event.tenantId, event.data.memberId);
    this.logger.info({ event_id: event.id }, 'member data erased from notifications');
  }

  async listInbox(tenant: TenantContext, memberId: string, limit: number): Promise<InboxRecord[]> {
    return this.inbox.listForMember(tenant.tenantId, memberId, limit);
  }

  private async deliver(m: EntityManager, tenantId: string, memberId: string, sourceEventId: string, msg: RenderedMessage): Promise<void> {
    const inserted = await this.inbox.insertMessage(m, tenantId, {
      ...msg,
      id: this.ids.uuid(),
      memberId,
      sourceEventId,
      createdAt: this.clock.now(),
    });
    this.logger.info({ kind: msg.kind, event_id: sourceEventId, duplicate: !inserted }, 'inbox message delivered');
  }
}
