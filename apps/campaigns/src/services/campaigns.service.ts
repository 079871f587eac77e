import { Injectable } from '@nestjs/common';
import type { CampaignInput, CampaignView, TenantContext } from '@club/contracts';
import { OutboxRepository } from '@club/platform-kafka';
import { Clock, failedPrecondition, Ids, invalidArgument, notFound, UnitOfWork } from '@club/platform-nest';
import { statusAt, transition, type LifecycleAction } from '../domain/campaign-lifecycle';
import { CampaignRepository, type CampaignRecord } from '../repositories/campaign.repository';
import { CampaignCheck } from './campaign-check';

/**
 * Campaigns: drafts, versions and the lifecycle. Every save is a new version (history is never
 * rewritten); publishing — and saving a live campaign — checks the rules first, so a mistake is
 * refused when the marketer makes it, not at the till. Every change is a
 * `campaigns.campaign.changed.v1` event, which the evaluation caches use to reload the tenant.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly check: CampaignCheck,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
  ) {}

  async create(tenant: TenantContext, definition: CampaignInput, operator: string): Promise<CampaignView> {
    const id = this.ids.uuid();
    await this.uow.run(async (m) => {
      await this.campaigns.insert(m, tenant.tenantId, id, definition, operator);
      await this.changed(m, tenant.tenantId, id, 1, 'draft');
    });
    return this.get(tenant, id);
  }

  /** A new version; refused when the campaign is live and the new rules do not check, or when it has ended. */
  async save(tenant: TenantContext, id: string, definition: CampaignInput, operator: string): Promise<CampaignView> {
    await this.uow.run(async (m) => {
      const c = await this.campaigns.lock(m, tenant.tenantId, id);
      if (!c) throw notFound('campaign not found');
      const status = statusAt(c.state, c.definition, this.clock.now());
      if (status === 'ended') throw failedPrecondition('an ended campaign cannot change', [{ pointer: '#', detail: 'the campaign has ended' }]);
      if (c.state !== 'draft') await this.assertLive(tenant.tenantId, definition);
      await this.campaigns.addVersion(m, tenant.tenantId, id, c.version + 1, definition, operator);
      await this.changed(m, tenant.tenantId, id, c.version + 1, statusAt(c.state, definition, this.clock.now()));
    });
    return this.get(tenant, id);
  }

  async act(tenant: TenantContext, id: string, action: LifecycleAction, operator: string): Promise<CampaignView> {
    await this.uow.run(async (m) => {
      const c = await this.campaigns.lock(m, tenant.tenantId, id);
      if (!c) throw notFound('campaign not found');
      const next = transition(c.state, c.definition, action, this.clock.now());
      if (!next.ok) throw failedPrecondition(next.reason, [{ pointer: '#/action', detail: next.reason }]);
      if (action === 'publish' || action === 'resume') await this.assertLive(tenant.tenantId, c.definition);
      await this.campaigns.setState(m, tenant.tenantId, id, next.state, action, c.version, operator);
      await this.changed(m, tenant.tenantId, id, c.version, statusAt(next.state, c.definition, this.clock.now()));
    });
    return this.get(tenant, id);
  }

  async get(tenant: TenantContext, id: string): Promise<CampaignView> {
    const c = await this.campaigns.find(tenant.tenantId, id);
    if (!c) throw notFound('campaign not found');
    const history = await this.campaigns.history(tenant.tenantId, id);
    return { ...this.view(c), history: history.map((h) => ({ ...h, at: h.at.toISOString() })) };
  }

  async list(tenant: TenantContext): Promise<Omit<CampaignView, 'history'>[]> {
    return (await this.campaigns.list(tenant.tenantId)).map((c) => this.view(c));
  }

  private view(c: CampaignRecord): Omit<CampaignView, 'history'> {
    return {
      id: c.id,
      version: c.version,
      status: statusAt(c.state, c.definition, this.clock.now()),
      definition: c.definition,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }

  private async assertLive(tenantId: string, definition: CampaignInput): Promise<void> {
    const problems = await this.check.problems(tenantId, definition);
    if (problems.length > 0) throw invalidArgument('the campaign cannot go live as it is', problems);
  }

  private async changed(m: Parameters<OutboxRepository['enqueue']>[0], tenantId: string, campaignId: string, version: number, status: string): Promise<void> {
    const now = this.clock.now();
    await this.outbox.enqueue(m, {
      topic: 'campaigns.campaign.changed.v1',
      tenantId,
      subject: campaignId,
      time: now,
      data: { campaignId, version, status: status as 'draft', at: now.toISOString() },
    });
  }
}
