import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { Clock, LOGGER } from '@club/platform-nest';
import { statusAt } from '../domain/campaign-lifecycle';
import { compileCampaign, createRuleEnvironment, prepareCampaignSet, type CampaignSet, type CompiledCampaign, type EvaluationGroup, type PointValue, type RuleEnvironment } from '../domain/rule-engine';
import { CampaignRepository } from '../repositories/campaign.repository';
import { CampaignSettingsRepository, type TenantRuleSetup } from '../repositories/campaign-settings.repository';
import { toDefinition } from './campaign-check';

/** How long a tenant's compiled campaigns are trusted without a change event (a safety net). */
const TTL_MS = 60_000;

/** What a tenant's rules are compiled against (its declared attributes) and stacked with (its campaign settings). */
export interface TenantRules {
  readonly env: RuleEnvironment;
  readonly groups: readonly EvaluationGroup[];
  readonly pointValue: PointValue;
}

/** The tenant's rules from its stored setup: no settings saved → every group stacks all, a point is worth 1 minor unit. */
export function tenantRules(setup: TenantRuleSetup): TenantRules {
  const s = setup.settings?.settings;
  return {
    env: createRuleEnvironment(setup.attributes),
    groups: Object.entries(s?.groups ?? {}).map(([id, g]) => ({ id, mode: g.mode, priority: g.priority })),
    pointValue: s?.pointValue ?? { minorUnits: 1, perPoints: 1 },
  };
}

/**
 * Each tenant's live campaigns, compiled once and kept in memory, so evaluating a checkout costs
 * no database round trip for the rules. Compiled against the tenant's declared custom attributes
 * and stacked by its campaign settings (group modes, point value), loaded with the campaigns.
 * Dropped on `campaigns.campaign.changed.v1` and `campaigns.settings.changed.v1` (every replica
 * listens) and after a minute at most; a campaign whose schedule starts or ends is picked up by
 * the per-request status check below.
 */
@Injectable()
export class CampaignCache {
  private readonly sets = new Map<string, { campaigns: { compiled: CompiledCampaign; startsAt: string | null; endsAt: string | null }[]; rules: TenantRules; until: number }>();

  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly settings: CampaignSettingsRepository,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Bumped by every invalidation, so a load that started before a change does not cache what it read. */
  private generation = 0;

  invalidate(tenantId: string): void {
    this.generation++;
    this.sets.delete(tenantId);
  }

  /** The campaigns live at `at`, ready to evaluate. */
  async liveSet(tenantId: string, at: Date, extra: readonly CompiledCampaign[] = []): Promise<CampaignSet> {
    const entry = await this.load(tenantId);
    const live = entry.campaigns.filter((c) => statusAt('published', c, at) === 'active').map((c) => c.compiled);
    return prepareCampaignSet([...live, ...extra], { groups: entry.rules.groups, pointValue: entry.rules.pointValue });
  }

  /** The tenant's rule environment (declared attributes), groups and point value, as the cached campaigns use them. */
  async rules(tenantId: string): Promise<TenantRules> {
    return (await this.load(tenantId)).rules;
  }

  /** The compiled campaigns live at `at`. */
  async liveCampaigns(tenantId: string, at: Date): Promise<CompiledCampaign[]> {
    const entry = await this.load(tenantId);
    return entry.campaigns.filter((c) => statusAt('published', c, at) === 'active').map((c) => c.compiled);
  }

  private async load(tenantId: string) {
    let entry = this.sets.get(tenantId);
    if (!entry || entry.until <= this.clock.now().getTime()) {
      const generation = this.generation;
      const [published, setup] = await Promise.all([this.campaigns.listPublished(tenantId), this.settings.ruleSetup(tenantId)]);
      const rules = tenantRules(setup);
      const campaigns: { compiled: CompiledCampaign; startsAt: string | null; endsAt: string | null }[] = [];
      for (const c of published) {
        const compiled = compileCampaign(toDefinition(c.definition, c.id, c.version), rules.env);
        if (compiled.ok) campaigns.push({ compiled: compiled.campaign, startsAt: c.definition.startsAt, endsAt: c.definition.endsAt });
        else this.logger.warn({ campaign_id: c.id, version: c.version, errors: compiled.errors }, 'a published campaign no longer compiles; skipped');
      }
      entry = { campaigns, rules, until: this.clock.now().getTime() + TTL_MS };
      if (generation === this.generation) this.sets.set(tenantId, entry);
    }
    return entry;
  }
}
