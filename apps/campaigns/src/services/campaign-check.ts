import { Injectable } from '@nestjs/common';
import type { CampaignInput } from '@club/contracts';
import { scheduleErrors } from '../domain/campaign-lifecycle';

export interface FieldProblem {
  readonly pointer: string;
  readonly detail: string;
}

/**
 * What must hold before a campaign can go live (published, or saved while live): a coherent
 * schedule, at least one rule, unique rule ids. The rule engine's type check of conditions and
 * effects plugs in here.
 */
@Injectable()
export class CampaignCheck {
  problems(definition: CampaignInput): FieldProblem[] {
    const problems: FieldProblem[] = scheduleErrors(definition).map((detail) => ({ pointer: '#/endsAt', detail }));
    if (definition.rules.length === 0) problems.push({ pointer: '#/rules', detail: 'a live campaign needs at least one rule' });
    const seen = new Set<string>();
    definition.rules.forEach((r, i) => {
      if (seen.has(r.id)) problems.push({ pointer: `#/rules/${i}/id`, detail: `rule id ${JSON.stringify(r.id)} is used twice` });
      seen.add(r.id);
    });
    return problems;
  }
}
