import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentTenant } from './auth';
import { tierLadderInputSchema, tierReviewRequestSchema } from './schemas';
import { parse } from './validate';

/** The club's tier ladder: every POST is a new version with an effective date (history is never rewritten). */
@Controller('v1/tier-ladders')
export class TiersController {
  constructor(private readonly club: ClubService) {}

  @Post()
  @HttpCode(201)
  define(@CurrentTenant() tenant: TenantContext, @Body() body: unknown) {
    return this.club.defineTierLadder(tenant, parse(tierLadderInputSchema, body));
  }

  @Get()
  list(@CurrentTenant() tenant: TenantContext) {
    return this.club.listTierLadders(tenant);
  }
}

/** The periodic tier review: an asynchronous job (202 + a run to poll); `dryRun` previews the moves. */
@Controller('v1/tier-reviews')
export class TierReviewsController {
  constructor(private readonly club: ClubService) {}

  @Post()
  @HttpCode(202)
  start(@CurrentTenant() tenant: TenantContext, @Body() body: unknown) {
    return this.club.startTierReview(tenant, parse(tierReviewRequestSchema, body));
  }

  @Get(':id')
  get(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.getTierReview(tenant, id);
  }
}
