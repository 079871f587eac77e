import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { z } from 'zod';
import { campaignActionSchema, campaignInputSchema, campaignReplayRequestSchema, campaignSettingsInputSchema, simulationRequestSchema, type TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentOperator, CurrentTenant } from './auth';
import { notFoundProblem } from './problem';
import { parse } from './validate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const campaignListQuerySchema = z.object({ status: z.enum(['draft', 'scheduled', 'active', 'paused', 'ended']).optional() }).strict();

/**
 * Campaigns for marketers: drafts, versions (every save is one; history is never rewritten) and
 * the lifecycle draft → scheduled → active → paused → ended. Publishing checks the rules, so a
 * mistake is a 400 now rather than a surprise at the till. Changes record the operator.
 */
@Controller('v1/campaigns')
export class CampaignsController {
  constructor(private readonly club: ClubService) {}

  @Post()
  @HttpCode(201)
  create(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Body() body: unknown) {
    return this.club.campaignsDocument(tenant, 'CreateCampaign', { definition: parse(campaignInputSchema, body), operator });
  }

  /** A dry run of a checkout against the live campaigns (and a draft, when given): the breakdown, nothing recorded. */
  @Post('simulate')
  @HttpCode(200)
  simulate(@CurrentTenant() tenant: TenantContext, @Body() body: unknown) {
    return this.club.campaignsDocument(tenant, 'SimulateCheckout', parse(simulationRequestSchema, body));
  }

  /**
   * What a draft (or a saved campaign) would have given over the checkouts of the last `days` days,
   * stacked with the live campaigns: a background job; poll GET /v1/campaign-replays/{id}.
   */
  @Post('replay')
  @HttpCode(202)
  replay(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Body() body: unknown) {
    return this.club.campaignsDocument(tenant, 'StartCampaignReplay', { request: parse(campaignReplayRequestSchema, body), operator });
  }

  @Get()
  list(@CurrentTenant() tenant: TenantContext, @Query() query: unknown) {
    return this.club.listCampaigns(tenant, parse(campaignListQuerySchema, query).status);
  }

  @Get(':id')
  get(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    if (!UUID.test(id)) throw notFoundProblem('campaign not found');
    return this.club.campaignsDocument(tenant, 'GetCampaign', { id });
  }

  /** A new version of the definition (checked first when the campaign is live). */
  @Put(':id')
  save(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Param('id') id: string, @Body() body: unknown) {
    if (!UUID.test(id)) throw notFoundProblem('campaign not found');
    return this.club.campaignsDocument(tenant, 'SaveCampaign', { id, definition: parse(campaignInputSchema, body), operator });
  }

  @Post(':id/:action')
  @HttpCode(200)
  act(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Param('id') id: string, @Param('action') action: string) {
    if (!UUID.test(id)) throw notFoundProblem('campaign not found');
    const parsed = campaignActionSchema.safeParse(action);
    if (!parsed.success) throw notFoundProblem('no such campaign action (publish, pause, resume, end)');
    return this.club.campaignsDocument(tenant, 'CampaignAction', { id, action: parsed.data, operator });
  }
}

/** A replay's progress and, once completed, its report. */
@Controller('v1/campaign-replays')
export class CampaignReplaysController {
  constructor(private readonly club: ClubService) {}

  @Get(':id')
  get(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    if (!UUID.test(id)) throw notFoundProblem('replay not found');
    return this.club.campaignsDocument(tenant, 'GetCampaignReplay', { id });
  }
}

/** The club's campaign settings: evaluation groups' stacking modes and priorities, and the point value. */
@Controller('v1/campaign-settings')
export class CampaignSettingsController {
  constructor(private readonly club: ClubService) {}

  @Get()
  get(@CurrentTenant() tenant: TenantContext) {
    return this.club.campaignsDocument(tenant, 'GetCampaignSettings', {});
  }

  /** Replaces the settings (a new version; every replica's evaluation cache reloads the club). */
  @Put()
  set(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Body() body: unknown) {
    return this.club.campaignsDocument(tenant, 'SetCampaignSettings', { settings: parse(campaignSettingsInputSchema, body), operator });
  }
}
