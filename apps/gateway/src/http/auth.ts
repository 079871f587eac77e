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

type AuthedRequest = FastifyRequest & { tenant?: TenantContext; keyLabel?: string };

/** 1-100 characters, none of them control characters (letters of any script are fine). */
const OPERATOR = /^\P{Cc}{1,100}$/u;

/**
 * Who is acting, for audit fields (a manager's factor, a manual points adjustment): the key's
 * label, and the person the back office says is signed in (`X-Operator`, optional, percent-encoded
 * UTF-8 for non-Latin names) —
 * "Sara (key: back-office)" or "key: back-office". Never taken from a request body.
 */
export const CurrentOperator = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.tenant || req.keyLabel === undefined) throw new Error('CurrentOperator used on a route without tenant authentication');
  const header = req.headers['x-operator'];
  if (header === undefined) return `key: ${req.keyLabel}`;
  const name = decodeOperator((Array.isArray(header) ? header[0] : header).trim());
  if (!OPERATOR.test(name)) {
    throw problem(400, 'validation', 'Bad Request', 'X-Operator must be 1-100 printable characters.', [{ pointer: '/headers/x-operator', detail: '1-100 printable characters' }]);
  }
  return `${name} (key: ${req.keyLabel})`;
});

/** HTTP headers are Latin-1: a Persian name arrives percent-encoded UTF-8 ("%D8%B3%D8%A7%D8%B1%D8%A7"). */
function decodeOperator(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw;
  }
}

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
    const auth = typeof key === 'string' ? await this.tenants.authenticate(key) : undefined;
    if (!auth) throw problem(401, 'unauthorized', 'Unauthorized', 'Send a valid tenant API key in the X-Api-Key header.');
    req.tenant = auth.tenant;
    req.keyLabel = auth.keyLabel;
    requestContext.enterWith({ tenantId: auth.tenant.tenantId });
    return true;
  }
}
