import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentTenant } from './auth';
import { enrolMemberSchema, findMembersQuerySchema } from './schemas';
import { parse } from './validate';

@Controller('v1/members')
export class MembersController {
  constructor(private readonly club: ClubService) {}

  @Post()
  @HttpCode(201)
  enrol(@CurrentTenant() tenant: TenantContext, @Body() body: unknown) {
    return this.club.enrolMember(tenant, parse(enrolMemberSchema, body));
  }

  @Get()
  find(@CurrentTenant() tenant: TenantContext, @Query() query: unknown) {
    return this.club.findMembers(tenant, parse(findMembersQuerySchema, query));
  }

  @Get(':id')
  get(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.getMember(tenant, id);
  }

  @Get(':id/points')
  points(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.getPoints(tenant, id);
  }

  @Get(':id/inbox')
  inbox(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.getInbox(tenant, id);
  }
}
