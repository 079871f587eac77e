import { Injectable } from '@nestjs/common';
import type { TenantContext } from '@club/contracts';
import { CampaignRepository, type CampaignRecord } from '../repositories/campaign.repository';

@Injectable()
export class CampaignsService {
  constructor(private readonly campaigns: CampaignRepository) {}

  listCampaigns(tenant: TenantContext, status: string | null): Promise<CampaignRecord[]> {
    return this.campaigns.listCampaigns(tenant.tenantId, status);
  }
}
