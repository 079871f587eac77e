import { Injectable } from '@nestjs/common';
import type { TenantContext } from '@club/contracts';
import { Clock, notFound } from '@club/platform-nest';
import { tenureDays } from '../domain/tier-program';
import { MemberRepository } from '../repositories/member.repository';
import { MembersService, type IdentifyBy } from './members.service';
import { TiersService } from './tiers.service';

/** What the checkout path needs about a member: the facts campaigns target and rules read. */
export interface TillMemberView {
  readonly id: string;
  readonly tier: string | null;
  readonly tenureDays: number;
  readonly segments: readonly string[];
  readonly personas: readonly string[];
  readonly journeyStage: string;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  readonly birthDate: string | null;
}

/**
 * Identification at the till for a checkout: one indexed query for the member, the stored tier
 * standing and segment membership; the tier is read in the ladder in force (ladders cached per
 * tenant). No profile and no personal data leave the service on this path.
 */
@Injectable()
export class TillService {
  constructor(
    private readonly members: MembersService,
    private readonly repository: MemberRepository,
    private readonly tiers: TiersService,
    private readonly clock: Clock,
  ) {}

  async identify(tenant: TenantContext, by: IdentifyBy): Promise<TillMemberView> {
    const facts = await this.repository.findAtTill(tenant.tenantId, this.members.normaliseIdentity(by));
    if (!facts) throw notFound('member not found');
    const now = this.clock.now();
    const row = facts.tier && { code: facts.tier.code, since: facts.tier.since, graceUntil: facts.tier.graceUntil, ladderVersion: facts.tier.ladderVersion };
    return {
      id: facts.id,
      tier: await this.tiers.tierAtTill(tenant.tenantId, facts, row, now),
      tenureDays: tenureDays(facts.createdAt, now),
      segments: facts.segments,
      personas: facts.personas,
      journeyStage: facts.journeyStage,
      attributes: facts.attributes,
      birthDate: facts.birthDate,
    };
  }
}
