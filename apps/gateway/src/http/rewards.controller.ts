import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { rewardInputSchema, type TenantContext } from '@club/contracts';
import { RewardsService } from '../services/rewards.service';
import { CurrentOperator, CurrentTenant } from './auth';
import { rewardListQuerySchema, rewardRedemptionListQuerySchema, rewardRedemptionRequestSchema } from './schemas';
import { parse } from './validate';

/**
 * The rewards catalogue (back office: create, replace, list, get) and members' reward
 * redemptions (apps and tills): a redemption takes one unit of stock and the reward's price in
 * points, once per redemptionId — 201 the first time, 200 with the same body when retried.
 */
@Controller('v1')
export class RewardsController {
  constructor(private readonly rewards: RewardsService) {}

  @Post('rewards')
  @HttpCode(201)
  create(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Body() body: unknown) {
    return this.rewards.createReward(tenant, parse(rewardInputSchema, body), operator);
  }

  @Get('rewards')
  list(@CurrentTenant() tenant: TenantContext, @Query() query: unknown) {
    return this.rewards.listRewards(tenant, parse(rewardListQuerySchema, query));
  }

  @Get('rewards/:id')
  get(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.rewards.getReward(tenant, id);
  }

  @Put('rewards/:id')
  save(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Param('id') id: string, @Body() body: unknown) {
    return this.rewards.saveReward(tenant, id, parse(rewardInputSchema, body), operator);
  }

  @Post('members/:id/reward-redemptions')
  async redeem(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const { result, replayed } = await this.rewards.redeem(tenant, id, parse(rewardRedemptionRequestSchema, body));
    void reply.code(replayed ? 200 : 201);
    return result;
  }

  @Get('members/:id/reward-redemptions')
  redemptions(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Query() query: unknown) {
    return this.rewards.listRedemptions(tenant, id, parse(rewardRedemptionListQuerySchema, query));
  }
}
