import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import type { TenantMessage } from '@club/contracts';
import { notFound, validateRpc } from '@club/platform-nest';
import { TenantsService } from '../services/tenants.service';

const schema = z.object({ tenantId: z.uuid() });

/** Lets other services look up a tenant's settings (time zone, calendar, currency, locale). */
@Controller()
export class TenantDirectoryGrpcController {
  constructor(private readonly tenants: TenantsService) {}

  @GrpcMethod('TenantDirectory', 'GetTenant')
  async getTenant(@Payload() req: { tenantId: string }): Promise<TenantMessage> {
    const t = await this.tenants.getTenant(validateRpc(schema, req).tenantId);
    if (!t) throw notFound('tenant not found');
    return { ...t, createdAt: t.createdAt.toISOString() };
  }
}
