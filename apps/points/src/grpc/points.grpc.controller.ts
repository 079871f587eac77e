import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import type { Balance, EarnForCheckoutRequest, EarnForCheckoutResponse, EarnRateMessage, TenantContext } from '@club/contracts';
import { Tenant, validateRpc as validate } from '@club/platform-nest';
import { LedgerService } from '../services/ledger.service';

const earnSchema = z.object({
  transactionId: z.string().min(1).max(100),
  storeId: z.string().min(1).max(100),
  memberId: z.uuid(),
  amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/),
  requestHash: z.string().min(16).max(128),
});

const memberIdSchema = z.object({ memberId: z.uuid() });

const earnRateSchema = z.object({
  points: z.number().int().min(0).max(1_000_000),
  perAmount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

@Controller()
export class PointsGrpcController {
  constructor(private readonly ledger: LedgerService) {}

  @GrpcMethod('PointsService', 'EarnForCheckout')
  earnForCheckout(@Payload() req: EarnForCheckoutRequest, @Tenant() tenant: TenantContext): Promise<EarnForCheckoutResponse> {
    return this.ledger.earnPoints(tenant, { ...validate(earnSchema, req), itemCount: req.items.length });
  }

  @GrpcMethod('PointsService', 'GetBalance')
  getBalance(@Payload() req: { memberId: string }, @Tenant() tenant: TenantContext): Promise<Balance> {
    return this.ledger.getBalance(tenant, validate(memberIdSchema, req).memberId);
  }

  @GrpcMethod('PointsService', 'SetEarnRate')
  setEarnRate(@Payload() req: EarnRateMessage, @Tenant() tenant: TenantContext): Promise<EarnRateMessage> {
    return this.ledger.setEarnRate(tenant, validate(earnRateSchema, req));
  }

  @GrpcMethod('PointsService', 'GetEarnRate')
  getEarnRate(@Tenant() tenant: TenantContext): Promise<EarnRateMessage> {
    return this.ledger.getEarnRate(tenant);
  }
}
