import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import { manualFactorInputSchema, scoringWeightsSchema, type TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentOperator, CurrentTenant } from './auth';
import { parse } from './validate';

/** Customer value (RFM, CIVILFORMD): scores, managers' manual factors, the club's weights. */
@Controller('v1')
export class ScoresController {
  constructor(private readonly club: ClubService) {}

  @Get('members/:id/scores')
  scores(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.getMemberScores(tenant, id);
  }

  /** Impression, opportunity or debt (1-5), recorded with the operator who set it; used at the next recompute. */
  @Put('members/:id/value-factors/:factor')
  setFactor(
    @CurrentTenant() tenant: TenantContext,
    @CurrentOperator() operator: string,
    @Param('id') id: string,
    @Param('factor') factor: string,
    @Body() body: unknown,
  ) {
    const f = parse(z.object({ factor: z.enum(['impression', 'opportunity', 'debt']) }), { factor }, '/path');
    return this.club.setManualFactor(tenant, id, f.factor, { ...parse(manualFactorInputSchema, body), setBy: operator });
  }

  @Put('scoring/weights')
  setWeights(@CurrentTenant() tenant: TenantContext, @Body() body: unknown) {
    return this.club.setScoringWeights(tenant, parse(scoringWeightsSchema, body));
  }

  /** Recomputes every member's scores in the background (scores are relative to the whole club). */
  @Post('scoring/recompute')
  @HttpCode(202)
  recompute(@CurrentTenant() tenant: TenantContext) {
    return this.club.recomputeScores(tenant);
  }
}
