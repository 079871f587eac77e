import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import type { TenantContext } from '@club/contracts';
import { Tenant, validateRpc } from '@club/platform-nest';
import { CampaignsService } from '../services/campaigns.service';

const listSchema = z.object({
  status: z
    .enum(['', 'draft', 'scheduled', 'active', 'paused', 'ended'])
    .transform((v) => (v === '' ? null : v)),
});

@Controller()
export class CampaignsGrpcController {
  constructor(private readonly campaigns: CampaignsService) {}

  @GrpcMethod('CampaignsService', 'ListCampaigns')
  async listCampaigns(@Payload() req: { status: string }, @Tenant() tenant: TenantContext) {
    const rows = await this.campaigns.listCampaigns(tenant, validateRpc(listSchema, req).status);
    return { campaigns: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
  }
}
