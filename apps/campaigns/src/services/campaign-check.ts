import { Injectable } from '@nestjs/common';
import type { CampaignInput } from '@club/contracts';
import { scheduleErrors } from '../domain/campaign-lifecycle';
import { compileCampaign, createRuleEnvironment, type CampaignDefinition } from '../domain/rule-engine';

export interface FieldProblem {
  readonly pointer: string;
  readonly detail: string;
}

/**
 * What must hold before a campaign can go live (published, or saved while live): a coherent
 * schedule, at least one rule, and rules the rule engine compiles — conditions and line filters
 * type-checked against the checkout context, effects valid — so a typo in a field name is refused
 * when the marketer publishes, not at the till. Custom member attributes are not declared yet (the
 * campaigns service does not read the members service's definitions), so rules cannot use them.
 */
@Injectable()
export class CampaignCheck {
  private readonly env = createRuleEnvironment([]);

  problems(definition: CampaignInput, id = '00000000-0000-0000-0000-000000000000', version = 1): FieldProblem[] {
    const problems: FieldProblem[] = scheduleErrors(definition).map((detail) => ({ pointer: '#/endsAt', detail }));
    if (definition.rules.length === 0) problems.push({ pointer: '#/rules', detail: 'a live campaign needs at least one rule' });
    const compiled = compileCampaign(toDefinition(definition, id, version), this.env);
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
