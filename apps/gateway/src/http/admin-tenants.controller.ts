import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { TenantsService } from '../services/tenants.service';
import { AdminOnly } from './auth';
import { createTenantSchema, earnRateInputSchema } from './schemas';
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

  @Put(':id/earn-rate')
  setEarnRate(@Param('id') id: string, @Body() body: unknown) {
    return this.tenants.setEarnRate(id, parse(earnRateInputSchema, body));
  }

  @Get(':id/earn-rate')
  getEarnRate(@Param('id') id: string) {
    return this.tenants.getEarnRate(id);
  }
}
