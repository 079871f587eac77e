import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { TenantsService } from '../services/tenants.service';
import { AdminOnly } from './auth';
import { createTenantSchema } from './schemas';
import { parse } from './validate';

@Controller('v1/admin/tenants')
@AdminOnly()
export class AdminTenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown) {
    const { tenant, apiKey } = await this.tenants.createTenant(parse(createTenantSchema, body));
    return { ...tenant, createdAt: tenant.createdAt.toISOString(), apiKey };
  }
}
