import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { Clock, LOGGER } from '@club/platform-nest';
import { statusAt } from '../domain/campaign-lifecycle';
import { compileCampaign, createRuleEnvironment, prepareCampaignSet, type CampaignSet, type CompiledCampaign } from '../domain/rule-engine';
import { CampaignRepository } from '../repositories/campaign.repository';
import { toDefinition } from './campaign-check';

/** How long a tenant's compiled campaigns are trusted without a change event (a safety net). */
const TTL_MS = 60_000;

/**
 * What a point is worth when best-for-customer compares points with discounts. The ledger policy
 * (points service) holds the real value; until the checkout path passes it, points count at 1
 * minor unit each.
 */
const POINT_VALUE = { minorUnits: 1, perPoints: 1 };

/**
 * Each tenant's live campaigns, compiled once and kept in memory, so evaluating a checkout costs
 * no database round trip for the rules. Dropped on `campaigns.campaign.changed.v1` (every replica
 * listens) and after a minute at most; a campaign whose schedule starts or ends is picked up by
 * the per-request status check below.
 */
@Injectable()
export class CampaignCache {
  private readonly env = createRuleEnvironment([]);
  private readonly sets = new Map<string, { campaigns: { compiled: CompiledCampaign; startsAt: string | null; endsAt: string | null }[]; until: number }>();

  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  invalidate(tenantId: string): void {
    this.sets.delete(tenantId);
  }

  /** The campaigns live at `at`, ready to evaluate. */
  async liveSet(tenantId: string, at: Date, extra: readonly CompiledCampaign[] = []): Promise<CampaignSet> {
    return prepareCampaignSet([...(await this.liveCampaigns(tenantId, at)), ...extra], { pointValue: POINT_VALUE });
  }

  /** The compiled campaigns live at `at`. */
  async liveCampaigns(tenantId: string, at: Date): Promise<CompiledCampaign[]> {
    let entry = this.sets.get(tenantId);
    if (!entry || entry.until <= this.clock.now().getTime()) {
      const published = await this.campaigns.listPublished(tenantId);
      const campaigns: { compiled: CompiledCampaign; startsAt: string | null; endsAt: string | null }[] = [];
      for (const c of published) {
        const compiled = compileCampaign(toDefinition(c.definition, c.id, c.version), this.env);
        if (compiled.ok) campaigns.push({ compiled: compiled.campaign, startsAt: c.definition.startsAt, endsAt: c.definition.endsAt });
        else this.logger.warn({ campaign_id: c.id, version: c.version, errors: compiled.errors }, 'a published campaign no longer compiles; skipped');
      }
      entry = { campaigns, until: this.clock.now().getTime() + TTL_MS };
      this.sets.set(tenantId, entry);
    }
    return entry.campaigns.filter((c) => statusAt('published', c, at) === 'active').map((c) => c.compiled);
  }
}
