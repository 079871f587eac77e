import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ledgerJobRequestSchema, ledgerPolicySchema, liabilityRequestSchema, type TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentOperator, CurrentTenant } from './auth';
import { notFoundProblem } from './problem';
import { adjustmentRequestSchema, entriesQuerySchema, redemptionRequestSchema, returnRequestSchema } from './schemas';
import { parse } from './validate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REF = /^[^\s/]{1,100}$/;

/**
 * The points ledger for tills and back offices: redemptions (direct or hold → capture/release),
 * returns, manual adjustments (audited with the operator), pending accepts, the statement, the
 * club's ledger policy, ledger jobs and the liability report. Writes answer 201 the first time
 * and 200 with the same body when retried with the same id.
 */
@Controller('v1')
export class PointsController {
  constructor(private readonly club: ClubService) {}

  @Post('members/:id/redemptions')
  async redeem(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const { result, replayed } = await this.club.redeem(tenant, id, parse(redemptionRequestSchema, body));
    void reply.code(replayed ? 200 : 201);
    return result;
  }

  @Post('redemptions/:redemptionId/capture')
  @HttpCode(200)
  capture(@CurrentTenant() tenant: TenantContext, @Param('redemptionId') redemptionId: string) {
    if (!REF.test(redemptionId)) throw notFoundProblem('redemption not found');
    return this.club.redemptionAction(tenant, 'capture', redemptionId);
  }

  @Post('redemptions/:redemptionId/release')
  @HttpCode(200)
  release(@CurrentTenant() tenant: TenantContext, @Param('redemptionId') redemptionId: string) {
    if (!REF.test(redemptionId)) throw notFoundProblem('redemption not found');
    return this.club.redemptionAction(tenant, 'release', redemptionId);
  }

  @Post('members/:id/points/adjustments')
  async adjust(
    @CurrentTenant() tenant: TenantContext,
    @CurrentOperator() operator: string,
    @Param('id') id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { result, replayed } = await this.club.adjust(tenant, id, parse(adjustmentRequestSchema, body), operator);
    void reply.code(replayed ? 200 : 201);
    return result;
  }

  @Get('members/:id/points/entries')
  entries(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Query() query: unknown) {
    return this.club.listEntries(tenant, id, parse(entriesQuerySchema, query));
  }

  @Post('checkouts/:transactionId/returns')
  async recordReturn(
    @CurrentTenant() tenant: TenantContext,
    @Param('transactionId') transactionId: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!REF.test(transactionId)) throw notFoundProblem('checkout not found');
    const { result, replayed } = await this.club.recordReturn(tenant, transactionId, parse(returnRequestSchema, body));
    void reply.code(replayed ? 200 : 201);
    return result;
  }

  /** Makes a checkout's pending points spendable now (e.g. once the return window is waived). */
  @Post('checkouts/:transactionId/accept')
  @HttpCode(200)
  accept(@CurrentTenant() tenant: TenantContext, @Param('transactionId') transactionId: string) {
    if (!REF.test(transactionId)) throw notFoundProblem('checkout not found');
    return this.club.acceptPending(tenant, transactionId);
  }

  @Get('points/policy')
  getPolicy(@CurrentTenant() tenant: TenantContext) {
    return this.club.pointsDocument(tenant, 'GetLedgerPolicy', {});
  }

  @Put('points/policy')
  setPolicy(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Body() body: unknown) {
    return this.club.pointsDocument(tenant, 'SetLedgerPolicy', { policy: parse(ledgerPolicySchema, body), operator });
  }

  @Post('points-jobs')
  @HttpCode(202)
  startJob(@CurrentTenant() tenant: TenantContext, @Body() body: unknown) {
    return this.club.pointsDocument(tenant, 'StartLedgerJob', parse(ledgerJobRequestSchema, body));
  }

  @Get('points-jobs/:id')
  getJob(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    if (!UUID.test(id)) throw notFoundProblem('job not found');
    return this.club.pointsDocument(tenant, 'GetLedgerJob', { id });
  }

  @Get('reports/points-liability')
  liability(@CurrentTenant() tenant: TenantContext, @Query() query: unknown) {
    return this.club.pointsDocument(tenant, 'GetLiability', parse(liabilityRequestSchema, query));
  }
}
