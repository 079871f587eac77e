import { Body, Controller, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentTenant } from './auth';
import { checkoutSchema } from './schemas';
import { parse } from './validate';

@Controller('v1/checkouts')
export class CheckoutsController {
  constructor(private readonly club: ClubService) {}

  /** 201 the first time; 200 with the identical body when the till retries the same request. */
  @Post()
  async record(@CurrentTenant() tenant: TenantContext, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const { result, replayed } = await this.club.recordCheckout(tenant, parse(checkoutSchema, body));
    void reply.code(replayed ? 200 : 201);
    return result;
  }
}
