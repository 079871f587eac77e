import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_CAMPAIGN_SETTINGS, type CampaignSettingsInput, type CampaignSettingsView, type TenantContext, type TopicPayload } from '@club/contracts';
import { OutboxRepository } from '@club/platform-kafka';
import { Clock, UnitOfWork } from '@club/platform-nest';
import { CampaignSettingsRepository } from '../repositories/campaign-settings.repository';

/**
 * A club's campaign settings — each evaluation group's stacking mode and priority, and the point
 * value best-for-customer compares points with discounts by — and the custom member attributes
 * its rules may read. Both change how campaigns evaluate, so both emit
 * `campaigns.settings.changed.v1` (in the transaction of the change), on which every replica's
 * evaluation cache reloads the club.
 *
 * Attributes are declared in the members service; it emits `members.attribute.defined.v1` on
 * every DefineAttribute, and campaigns keeps the latest definition per key (`rule_attributes`),
 * so compiling rules at publication, at cache load or in a replay never calls members, and the
 * till path has no extra round trip.
 */
@Injectable()
export class CampaignSettingsService {
  constructor(
    private readonly settings: CampaignSettingsRepository,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async get(tenant: TenantContext): Promise<CampaignSettingsView> {
    const s = await this.settings.latest(tenant.tenantId);
    if (!s) return { ...DEFAULT_CAMPAIGN_SETTINGS, version: 0, updatedAt: null, updatedBy: null };
    return { ...DEFAULT_CAMPAIGN_SETTINGS, ...s.settings, version: s.version, updatedAt: s.createdAt.toISOString(), updatedBy: s.createdBy };
  }

  /** Saves a new version (the whole settings document, as PUT replaces it). */
  async set(tenant: TenantContext, input: CampaignSettingsInput, operator: string): Promise<CampaignSettingsView> {
    const saved = await this.uow.run(async (m) => {
      const s = await this.settings.insertVersion(m, tenant.tenantId, input, operator);
      await this.changed(m, tenant.tenantId, { cause: 'campaign-settings', version: s.version, at: this.clock.now().toISOString() });
      return s;
    });
    return { ...input, version: saved.version, updatedAt: saved.createdAt.toISOString(), updatedBy: saved.createdBy };
  }

  /** The consumer's effect (in its transaction): keep the latest definition; a change reloads the caches. */
  async recordAttribute(m: EntityManager, tenantId: string, def: TopicPayload<'members.attribute.defined.v1'>): Promise<void> {
    const changed = await this.settings.recordAttribute(m, tenantId, { key: def.key, type: def.type, options: def.options, definedAt: new Date(def.definedAt) });
    if (changed) await this.changed(m, tenantId, { cause: 'member-attributes', version: 0, at: this.clock.now().toISOString() });
  }

  private async changed(m: EntityManager, tenantId: string, data: TopicPayload<'campaigns.settings.changed.v1'>): Promise<void> {
    await this.outbox.enqueue(m, { topic: 'campaigns.settings.changed.v1', tenantId, subject: tenantId, time: new Date(data.at), data });
  }
}
