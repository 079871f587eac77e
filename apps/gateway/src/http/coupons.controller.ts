import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { couponBatchInputSchema, type TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentOperator, CurrentTenant } from './auth';
import { notFoundProblem } from './problem';
import { parse } from './validate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const couponCodesQuerySchema = z.object({ cursor: z.string().min(1).max(40).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }).strict();
export const couponCheckQuerySchema = z.object({ memberId: z.uuid().optional() }).strict();

/** Coupon batches (unique, non-guessable codes) and a code check for tills and apps. */
@Controller('v1')
export class CouponsController {
  constructor(private readonly club: ClubService) {}

  @Post('coupon-batches')
  @HttpCode(201)
  createBatch(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Body() body: unknown) {
    return this.club.campaignsDocument(tenant, 'CreateCouponBatch', { batch: parse(couponBatchInputSchema, body), operator });
  }

  @Get('coupon-batches/:id/codes')
  codes(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Query() query: unknown) {
    if (!UUID.test(id)) throw notFoundProblem('coupon batch not found');
    const q = parse(couponCodesQuerySchema, query);
    return this.club.campaignsDocument(tenant, 'ListCouponCodes', { batchId: id, cursor: q.cursor ?? null, limit: q.limit ?? 100 });
  }

  /** Whether a code can be used now (by this member, when given); a mistyped code is a 400. */
  @Get('coupons/:code')
  check(@CurrentTenant() tenant: TenantContext, @Param('code') code: string, @Query() query: unknown) {
    return this.club.campaignsDocument(tenant, 'CheckCoupon', { code, memberId: parse(couponCheckQuerySchema, query).memberId ?? null });
  }
}
