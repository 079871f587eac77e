import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import type { TenantContext } from '@club/contracts';
import { Tenant, validateRpc } from '@club/platform-nest';
import { FeedbackService } from '../services/feedback.service';

const listSchema = z.object({
  status: z
    .enum(['', 'draft', 'active', 'closed'])
    .transform((v) => (v === '' ? null : v)),
});

@Controller()
export class FeedbackGrpcController {
  constructor(private readonly surveys: FeedbackService) {}

  @GrpcMethod('FeedbackService', 'ListSurveys')
  async listSurveys(@Payload() req: { status: string }, @Tenant() tenant: TenantContext) {
    const rows = await this.surveys.listSurveys(tenant, validateRpc(listSchema, req).status);
    return { surveys: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
  }
}
