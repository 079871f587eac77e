import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { customEventInputSchema, type TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentTenant } from './auth';
import { consentRequestSchema, enrolMemberSchema, findMembersQuerySchema, memberPatchSchema } from './schemas';
import { parse } from './validate';

@Controller('v1/members')
export class MembersController {
  constructor(private readonly club: ClubService) {}

  @Post()
  @HttpCode(201)
  enrol(@CurrentTenant() tenant: TenantContext, @Body() body: unknown) {
    return this.club.enrolMember(tenant, parse(enrolMemberSchema, body));
  }

  @Get()
  find(@CurrentTenant() tenant: TenantContext, @Query() query: unknown) {
    return this.club.findMembers(tenant, parse(findMembersQuerySchema, query));
  }

  @Get(':id')
  get(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.getMember(tenant, id);
  }

  @Get(':id/points')
  points(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.getPoints(tenant, id);
  }

  /**
   * A custom event of the member (`eventId` is the idempotency key): the club's live
   * `custom-event` rules for its `name` are evaluated once and their points credited.
   */
  @Post(':id/events')
  @HttpCode(200)
  recordEvent(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Body() body: unknown) {
    return this.club.recordMemberEvent(tenant, id, parse(customEventInputSchema, body));
  }

  @Get(':id/inbox')
  inbox(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.getInbox(tenant, id);
  }

  /** RFC 7396 merge patch (application/merge-patch+json or application/json). */
  @Patch(':id')
  update(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Body() body: unknown) {
    return this.club.updateMember(tenant, id, parse(memberPatchSchema, body));
  }

  @Post(':id/consents')
  @HttpCode(201)
  consent(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Body() body: unknown) {
    return this.club.recordConsent(tenant, id, parse(consentRequestSchema, body));
  }

  /** Tier, since when, qualification window and metric, progress to the next tier, tenure and history. */
  @Get(':id/tier')
  tier(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.getMemberTier(tenant, id);
  }

  /** Everything held about the member (GDPR-style access request), as JSON. */
  @Get(':id/export')
  export(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.exportMember(tenant, id);
  }

  /** Erasure: personal data removed everywhere, cards released, points history kept anonymously. */
  @Post(':id/erasure')
  @HttpCode(200)
  erase(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.eraseMember(tenant, id);
  }

  @Get(':id/cards')
  cards(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.listCards(tenant, id);
  }

  @Post(':id/cards')
  @HttpCode(201)
  issueCard(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.issueCard(tenant, id);
  }
}
