import { Injectable } from '@nestjs/common';
import type { CampaignInput } from '@club/contracts';
import { scheduleErrors } from '../domain/campaign-lifecycle';
import { compileCampaign, createRuleEnvironment, type CampaignDefinition, type RuleEnvironment } from '../domain/rule-engine';
import { CampaignSettingsRepository } from '../repositories/campaign-settings.repository';

export interface FieldProblem {
  readonly pointer: string;
  readonly detail: string;
}

/**
 * What must hold before a campaign can go live (published, or saved while live): a coherent
 * schedule, at least one rule, and rules the rule engine compiles — conditions and line filters
 * type-checked against the checkout context, effects valid — so a typo in a field name is refused
 * when the marketer publishes, not at the till. Rules may read the custom member attributes the
 * club declared (`member.attributes.<key>`, typed per declaration; see `rule_attributes`), read
 * fresh here so an attribute declared a moment ago can be used at once.
 */
@Injectable()
export class CampaignCheck {
  constructor(private readonly settings: CampaignSettingsRepository) {}

  /** The tenant's rule environment: the checkout context plus its declared attributes. */
  async environment(tenantId: string): Promise<RuleEnvironment> {
    return createRuleEnvironment(await this.settings.attributes(undefined, tenantId));
  }

  async problems(tenantId: string, definition: CampaignInput, id = '00000000-0000-0000-0000-000000000000', version = 1): Promise<FieldProblem[]> {
    return this.problemsIn(await this.environment(tenantId), definition, id, version);
  }

  problemsIn(env: RuleEnvironment, definition: CampaignInput, id = '00000000-0000-0000-0000-000000000000', version = 1): FieldProblem[] {
    const problems: FieldProblem[] = scheduleErrors(definition).map((detail) => ({ pointer: '#/endsAt', detail }));
    if (definition.rules.length === 0) problems.push({ pointer: '#/rules', detail: 'a live campaign needs at least one rule' });
    const compiled = compileCampaign(toDefinition(definition, id, version), env);
    if (!compiled.ok) problems.push(...compiled.errors);
    return problems;
  }
}

/** The contract's campaign as the rule engine reads it (empty targeting lists mean everyone). */
export function toDefinition(c: CampaignInput, id: string, version: number): CampaignDefinition {
  const targeting = Object.fromEntries(Object.entries(c.targeting).filter(([, v]) => Array.isArray(v) && v.length > 0));
  return {
    id,
    version,
    name: c.name,
    group: c.group,
    priority: c.priority,
    exclusivity: c.exclusivity,
    grantMode: c.grantMode,
    targeting,
    limits: c.limits,
    rules: c.rules as unknown as CampaignDefinition['rules'],
  };
}
