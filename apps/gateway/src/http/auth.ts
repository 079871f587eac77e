import { createParamDecorator, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { TenantContext } from '@club/contracts';
import { IS_PUBLIC } from '@club/platform-nest';
import { requestContext } from '@club/platform-observability';
import { TenantsService } from '../services/tenants.service';
import { problem } from './problem';

const IS_ADMIN = 'club:admin';

/** Admin routes: `Authorization: Bearer <CLUB_ADMIN_TOKEN>`. */
export const AdminOnly = (): ClassDecorator & MethodDecorator => SetMetadata(IS_ADMIN, true);

type AuthedRequest = FastifyRequest & { tenant?: TenantContext };

/** The tenant the request's API key belongs to (tenant routes only). */
export const CurrentTenant = createParamDecorator((_: unknown, ctx: ExecutionContext): TenantContext => {
  const tenant = ctx.switchToHttp().getRequest<AuthedRequest>().tenant;
  if (!tenant) throw new Error('CurrentTenant used on a route without tenant authentication');
  return tenant;
});

function sha(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/**
 * One global guard (house rule 9): a route is public (@Public), admin (@AdminOnly) or, by
 * default, a tenant route that needs a valid `X-Api-Key`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenants: TenantsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    if (this.reflector.getAllAndOverride<boolean>(IS_ADMIN, targets)) {
      const header = req.headers.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7) : '';
      // Compare digests so neither length nor content leaks through timing.
      if (token && timingSafeEqual(sha(token), sha(this.tenants.adminToken))) return true;
      throw problem(401, 'unauthorized', 'Unauthorized', 'Admin routes need Authorization: Bearer <admin token>.');
    }
    const key = req.headers['x-api-key'];
    const tenant = typeof key === 'string' ? await this.tenants.authenticate(key) : undefined;
    if (!tenant) throw problem(401, 'unauthorized', 'Unauthorized', 'Send a valid tenant API key in the X-Api-Key header.');
    req.tenant = tenant;
    requestContext.enterWith({ tenantId: tenant.tenantId });
    return true;
  }
}
