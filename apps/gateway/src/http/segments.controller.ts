import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { z } from 'zod';
import { journeyThresholdsSchema, segmentInputSchema, type TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentTenant } from './auth';
import { notFoundProblem } from './problem';
import { parse } from './validate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pageSchema = z.object({ cursor: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }).strict();

/** Rule-based segments and personas: rules type-checked when saved, membership paginated, recompute in the background. */
@Controller('v1')
export class SegmentsController {
  constructor(private readonly club: ClubService) {}

  @Post('segments')
  @HttpCode(201)
  define(@CurrentTenant() tenant: TenantContext, @Body() body: unknown) {
    return this.club.membersDocument(tenant, 'DefineSegment', { json: JSON.stringify(parse(segmentInputSchema, body)) });
  }

  @Get('segments')
  list(@CurrentTenant() tenant: TenantContext) {
    return this.club.membersDocument(tenant, 'ListSegments', { json: '{}' });
  }

  @Get('segments/:id/members')
  members(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Query() query: unknown) {
    if (!UUID.test(id)) throw notFoundProblem('segment not found');
    const page = parse(pageSchema, query);
    return this.club.membersDocument(tenant, 'ListSegmentMembers', { json: JSON.stringify({ segmentId: id, ...page }) });
  }

  @Post('segments/recompute')
  @HttpCode(202)
  recompute(@CurrentTenant() tenant: TenantContext) {
    return this.club.membersDocument(tenant, 'RecomputeSegments', { json: '{}' });
  }

  /** Progress of a scores, segments or journey pass. */
  @Get('member-passes/:id')
  pass(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    if (!UUID.test(id)) throw notFoundProblem('member pass not found');
    return this.club.membersDocument(tenant, 'GetMemberPass', { json: JSON.stringify({ id }) });
  }

  @Get('members/:id/segments')
  memberSegments(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.membersDocument(tenant, 'GetMemberSegments', { memberId: id });
  }

  /** The club's journey thresholds (purchases to active; days to at risk, lapsed, churned). */
  @Put('journey/thresholds')
  setJourneyThresholds(@CurrentTenant() tenant: TenantContext, @Body() body: unknown) {
    return this.club.membersDocument(tenant, 'SetJourneyThresholds', { json: JSON.stringify(parse(journeyThresholdsSchema, body)) });
  }

  /** The daily journey pass now (the scheduler runs it every day): moves members who stopped buying along the journey. */
  @Post('journey/recompute')
  @HttpCode(202)
  runJourney(@CurrentTenant() tenant: TenantContext) {
    return this.club.membersDocument(tenant, 'RunJourneyPass', { json: '{}' });
  }
}
