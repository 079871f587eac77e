import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import type { TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentTenant } from './auth';
import { attributeRequestSchema } from './schemas';
import { parse } from './validate';

/** The club's custom member attributes: declared with a type, then validated on every profile write. */
@Controller('v1/member-attributes')
export class AttributesController {
  constructor(private readonly club: ClubService) {}

  @Get()
  list(@CurrentTenant() tenant: TenantContext) {
    return this.club.listAttributes(tenant);
  }

  @Put(':key')
  define(@CurrentTenant() tenant: TenantContext, @Param('key') key: string, @Body() body: unknown) {
    return this.club.defineAttribute(tenant, parse(attributeRequestSchema, { ...(body as object), key }));
  }
}
