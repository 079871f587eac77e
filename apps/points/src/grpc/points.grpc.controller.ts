import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import type {
  AdjustResponse,
  Balance,
  EarnForCheckoutResponse,
  EarnRateMessage,
  EntryPage,
  RedemptionResponse,
  ReturnResponse,
  TenantContext,
} from '@club/contracts';
import { awardPointsRequestSchema } from '@club/contracts';
import { invalidArgument, Tenant, validateRpc as validate } from '@club/platform-nest';
import { LedgerService } from '../services/ledger.service';

const MAX = Number.MAX_SAFE_INTEGER;
const ref = z.string().min(1).max(100);

const earnSchema = z.object({
  transactionId: ref,
  storeId: ref,
  memberId: z.uuid(),
  amount: z.number().int().min(0).max(MAX),
  currency: z.string().regex(/^[A-Z]{3}$/),
  requestHash: z.string().min(16).max(128),
  items: z
    .array(
      z.object({
        sku: z.string().min(1).max(100),
        category: z.string().max(100),
        quantity: z.number().int().min(1).max(1_000_000),
        unitPrice: z.number().int().min(0).max(MAX),
      }),
    )
    .max(500),
  redeemPoints: z.number().int().min(0).max(MAX),
  campaignEffects: z
    .array(
      z.object({
        campaignId: z.uuid(),
        version: z.number().int().min(1),
        ruleId: z.string().min(1).max(100),
        kind: z.string().min(1).max(50),
        points: z.number().int().min(0).max(MAX),
        discount: z.number().int().min(0).max(MAX),
        description: z.string().max(500),
        reference: z.string().max(200).transform((r) => (r === '' ? null : r)),
        steps: z.number().int().min(0).max(1_000_000),
      }),
    )
    .max(200)
    .default([]),
  couponCodes: z.array(z.string().min(1).max(40)).max(20).default([]),
});

const redeemSchema = z.object({
  memberId: z.uuid(),
  redemptionId: ref,
  points: z.number().int().min(1).max(MAX),
  reason: z.string().max(200),
  hold: z.boolean(),
});

const redemptionRefSchema = z.object({ redemptionId: ref });

const returnSchema = z
  .object({
    transactionId: ref,
    returnId: ref,
    items: z.array(z.object({ sku: z.string().min(1).max(100), quantity: z.number().int().min(1).max(1_000_000) })).max(500),
    amount: z.number().int().min(0).max(MAX),
  })
  .refine((r) => (r.items.length > 0) !== (r.amount > 0), { message: 'give either items or an amount', path: ['items'] });

const adjustSchema = z.object({
  memberId: z.uuid(),
  adjustmentId: ref,
  points: z
    .number()
    .int()
    .min(-MAX)
    .max(MAX)
    .refine((n) => n !== 0, 'must not be 0'),
  reason: z.string().trim().min(1).max(500),
  operator: z.string().trim().min(1).max(200),
});

const acceptSchema = z.object({ transactionId: ref });
const memberIdSchema = z.object({ memberId: z.uuid() });
const listSchema = z.object({ memberId: z.uuid(), cursor: z.string().max(200), limit: z.number().int().min(0).max(200) });
const setPolicySchema = z.object({ policy: z.unknown(), operator: z.string().trim().min(1).max(200) });

const earnRateSchema = z.object({
  points: z.number().int().min(0).max(1_000_000),
  perAmount: z.number().int().min(1).max(MAX),
});

/** A JSON document field parsed and validated with its schema (INVALID_ARGUMENT otherwise). */
function parseDocument<T>(schema: z.ZodType<T>, json: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json || '{}');
  } catch {
    throw invalidArgument('json is not valid JSON', [{ pointer: '#/json', detail: 'not JSON' }]);
  }
  return validate(schema, value);
}

@Controller()
export class PointsGrpcController {
  constructor(private readonly ledger: LedgerService) {}

  @GrpcMethod('PointsService', 'EarnForCheckout')
  earnForCheckout(@Payload() req: unknown, @Tenant() tenant: TenantContext): Promise<EarnForCheckoutResponse> {
    return this.ledger.earnPoints(tenant, validate(earnSchema, req));
  }

  @GrpcMethod('PointsService', 'GetBalance')
  getBalance(@Payload() req: unknown, @Tenant() tenant: TenantContext): Promise<Balance> {
    return this.ledger.getBalance(tenant, validate(memberIdSchema, req).memberId);
  }

  @GrpcMethod('PointsService', 'Redeem')
  redeem(@Payload() req: unknown, @Tenant() tenant: TenantContext): Promise<RedemptionResponse> {
    return this.ledger.redeemPoints(tenant, validate(redeemSchema, req));
  }

  @GrpcMethod('PointsService', 'CaptureRedemption')
  capture(@Payload() req: unknown, @Tenant() tenant: TenantContext): Promise<RedemptionResponse> {
    return this.ledger.captureRedemption(tenant, validate(redemptionRefSchema, req).redemptionId);
  }

  @GrpcMethod('PointsService', 'ReleaseRedemption')
  release(@Payload() req: unknown, @Tenant() tenant: TenantContext): Promise<RedemptionResponse> {
    return this.ledger.releaseRedemption(tenant, validate(redemptionRefSchema, req).redemptionId);
  }

  @GrpcMethod('PointsService', 'RecordReturn')
  recordReturn(@Payload() req: unknown, @Tenant() tenant: TenantContext): Promise<ReturnResponse> {
    const r = validate(returnSchema, req);
    return this.ledger.recordReturn(tenant, r.items.length > 0 ? { transactionId: r.transactionId, returnId: r.returnId, items: r.items } : { ...r, items: undefined });
  }

  @GrpcMethod('PointsService', 'Adjust')
  adjust(@Payload() req: unknown, @Tenant() tenant: TenantContext): Promise<AdjustResponse> {
    return this.ledger.adjustPoints(tenant, validate(adjustSchema, req));
  }

  @GrpcMethod('PointsService', 'AcceptPending')
  acceptPending(@Payload() req: unknown, @Tenant() tenant: TenantContext): Promise<Balance> {
    return this.ledger.acceptPending(tenant, validate(acceptSchema, req).transactionId);
  }

  @GrpcMethod('PointsService', 'ListEntries')
  async listEntries(@Payload() req: unknown, @Tenant() tenant: TenantContext): Promise<EntryPage> {
    const q = validate(listSchema, req);
    const page = await this.ledger.listEntries(tenant, q.memberId, q.cursor || null, q.limit || 50);
    return {
      items: page.items.map((e) => ({
        id: e.id,
        kind: e.kind,
        points: e.points,
        from: e.from ?? '',
        to: e.to ?? '',
        reference: e.operation,
        reason: e.reason ?? '',
        operator: e.operator ?? '',
        createdAt: e.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor ?? '',
    };
  }

  @GrpcMethod('PointsService', 'SetLedgerPolicy')
  async setLedgerPolicy(@Payload() req: { json: string }, @Tenant() tenant: TenantContext): Promise<{ json: string }> {
    const { policy, operator } = parseDocument(setPolicySchema, req.json);
    return { json: JSON.stringify(await this.ledger.setLedgerPolicy(tenant, policy ?? {}, operator)) };
  }

  /** Points an event-triggered campaign rule awards (campaigns only; idempotent per awardId). */
  @GrpcMethod('PointsService', 'AwardPoints')
  async awardPoints(@Payload() req: { json: string }, @Tenant() tenant: TenantContext): Promise<{ json: string }> {
    return { json: JSON.stringify(await this.ledger.awardPoints(tenant, parseDocument(awardPointsRequestSchema, req.json))) };
  }

  @GrpcMethod('PointsService', 'GetLedgerPolicy')
  async getLedgerPolicy(@Tenant() tenant: TenantContext): Promise<{ json: string }> {
    return { json: JSON.stringify(await this.ledger.getLedgerPolicy(tenant)) };
  }

  @GrpcMethod('PointsService', 'SetEarnRate')
  setEarnRate(@Payload() req: unknown, @Tenant() tenant: TenantContext): Promise<EarnRateMessage> {
    return this.ledger.setEarnRate(tenant, validate(earnRateSchema, req));
  }

  @GrpcMethod('PointsService', 'GetEarnRate')
  getEarnRate(@Tenant() tenant: TenantContext): Promise<EarnRateMessage> {
    return this.ledger.getEarnRate(tenant);
  }
}
