import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import { campaignActionSchema, campaignInputSchema, checkoutEvaluationRequestSchema, couponBatchInputSchema, simulationRequestSchema, type TenantContext } from '@club/contracts';
import { invalidArgument, Tenant, validateRpc } from '@club/platform-nest';
import { CampaignsService } from '../services/campaigns.service';
import { CouponsService } from '../services/coupons.service';
import { EvaluationService } from '../services/evaluation.service';

const listSchema = z.object({
  status: z
    .enum(['', 'draft', 'scheduled', 'active', 'paused', 'ended'])
    .transform((v) => (v === '' ? null : v)),
});
const operator = z.string().trim().min(1).max(200);
const createSchema = z.object({ definition: campaignInputSchema, operator });
const saveSchema = z.object({ id: z.uuid(), definition: campaignInputSchema, operator });
const actionSchema = z.object({ id: z.uuid(), action: campaignActionSchema, operator });
const idSchema = z.object({ id: z.uuid() });
const batchSchema = z.object({ batch: couponBatchInputSchema, operator });
const codesPageSchema = z.object({ batchId: z.uuid(), cursor: z.string().max(40).nullable().default(null), limit: z.number().int().min(1).max(1000).default(100) });
const checkSchema = z.object({ code: z.string().min(1).max(60), memberId: z.uuid().nullable().default(null) });
const redeemSchema = z.object({ transactionId: z.string().min(1).max(100), memberId: z.uuid(), codes: z.array(z.string().min(1).max(60)).min(1).max(20) });
const restoreSchema = z.object({ transactionId: z.string().min(1).max(100) });

function doc<S extends z.ZodType>(schema: S, json: string): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(json || '{}');
  } catch {
    throw invalidArgument('the document is not valid JSON');
  }
  return validateRpc(schema, value) as z.infer<S>;
}

@Controller()
export class CampaignsGrpcController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly coupons: CouponsService,
    private readonly evaluation: EvaluationService,
  ) {}

  @GrpcMethod('CampaignsService', 'SimulateCheckout')
  async simulateCheckout(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { checkout, draft } = doc(simulationRequestSchema, req.json);
    const result = await this.evaluation.simulate(tenant, { ...checkout, transactionId: 'simulation', requestHash: 'simulation-0000000' }, draft ?? null);
    return { json: JSON.stringify(result) };
  }

  @GrpcMethod('CampaignsService', 'EvaluateCheckout')
  async evaluateCheckout(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.evaluation.evaluateCheckout(tenant, doc(checkoutEvaluationRequestSchema, req.json))) };
  }

  @GrpcMethod('CampaignsService', 'ListCampaigns')
  async listCampaigns(@Payload() req: { status: string }, @Tenant() tenant: TenantContext) {
    const status = validateRpc(listSchema, req).status;
    const rows = (await this.campaigns.list(tenant)).filter((c) => status === null || c.status === status);
    return { campaigns: rows.map((c) => ({ id: c.id, name: c.definition.name, status: c.status, createdAt: c.createdAt })) };
  }

  @GrpcMethod('CampaignsService', 'CreateCampaign')
  async createCampaign(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { definition, operator: who } = doc(createSchema, req.json);
    return { json: JSON.stringify(await this.campaigns.create(tenant, definition, who)) };
  }

  @GrpcMethod('CampaignsService', 'SaveCampaign')
  async saveCampaign(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { id, definition, operator: who } = doc(saveSchema, req.json);
    return { json: JSON.stringify(await this.campaigns.save(tenant, id, definition, who)) };
  }

  @GrpcMethod('CampaignsService', 'CampaignAction')
  async campaignAction(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { id, action, operator: who } = doc(actionSchema, req.json);
    return { json: JSON.stringify(await this.campaigns.act(tenant, id, action, who)) };
  }

  @GrpcMethod('CampaignsService', 'GetCampaign')
  async getCampaign(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.campaigns.get(tenant, doc(idSchema, req.json).id)) };
  }

  @GrpcMethod('CampaignsService', 'CreateCouponBatch')
  async createCouponBatch(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { batch, operator: who } = doc(batchSchema, req.json);
    return { json: JSON.stringify(await this.coupons.createBatch(tenant, batch, who)) };
  }

  @GrpcMethod('CampaignsService', 'ListCouponCodes')
  async listCouponCodes(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const q = doc(codesPageSchema, req.json);
    return { json: JSON.stringify(await this.coupons.listCodes(tenant, q.batchId, q.cursor, q.limit)) };
  }

  @GrpcMethod('CampaignsService', 'CheckCoupon')
  async checkCoupon(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const q = doc(checkSchema, req.json);
    return { json: JSON.stringify(await this.coupons.check(tenant, q.code, q.memberId)) };
  }

  @GrpcMethod('CampaignsService', 'RedeemCoupons')
  async redeemCoupons(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.coupons.redeem(tenant, doc(redeemSchema, req.json))) };
  }

  @GrpcMethod('CampaignsService', 'RestoreCoupons')
  async restoreCoupons(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.coupons.restore(tenant, doc(restoreSchema, req.json).transactionId)) };
  }
}
