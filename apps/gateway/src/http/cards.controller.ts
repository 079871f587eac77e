import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentTenant } from './auth';
import { cardActionSchema } from './schemas';
import { parse } from './validate';

/** Card operations by card number: replace (the old card stops identifying), block, unblock. */
@Controller('v1/cards')
export class CardsController {
  constructor(private readonly club: ClubService) {}

  @Post(':cardNumber/replace')
  @HttpCode(201)
  replace(@CurrentTenant() tenant: TenantContext, @Param('cardNumber') cardNumber: string, @Body() body: unknown) {
    return this.club.changeCard(tenant, cardNumber, 'replace', parse(cardActionSchema, body).reason);
  }

  @Post(':cardNumber/block')
  @HttpCode(200)
  block(@CurrentTenant() tenant: TenantContext, @Param('cardNumber') cardNumber: string, @Body() body: unknown) {
    return this.club.changeCard(tenant, cardNumber, 'block', parse(cardActionSchema, body).reason);
  }

  @Post(':cardNumber/unblock')
  @HttpCode(200)
  unblock(@CurrentTenant() tenant: TenantContext, @Param('cardNumber') cardNumber: string, @Body() body: unknown) {
    return this.club.changeCard(tenant, cardNumber, 'unblock', parse(cardActionSchema, body).reason);
  }
}
