import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import type { Observable } from 'rxjs';
import type { Logger } from 'pino';
import type { TenantContext } from '@club/contracts';
import { LOGGER, tenantFromMetadata } from '@club/platform-nest';
import { LedgerJobRepository } from '../repositories/ledger-job.repository';

/**
 * Remembers the zone, calendar and currency of every tenant that calls the points service (from
 * the gRPC metadata the gateway sets), so the job scheduler knows each tenant's local day. Off
 * the call's path: written once per tenant and process (again when they change), never awaited;
 * a failed write is retried on the tenant's next call.
 */
@Injectable()
export class TenantDirectoryInterceptor implements NestInterceptor {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly repo: LedgerJobRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() === 'rpc') this.remember(ctx.switchToRpc().getContext<Metadata>());
    return next.handle();
  }

  private remember(md: Metadata | undefined): void {
    let tenant: TenantContext;
    try {
      if (!md?.get) return;
      tenant = tenantFromMetadata(md);
    } catch {
      return; // health checks and malformed calls carry no tenant; the handler answers the latter
    }
    const key = `${tenant.timezone}|${tenant.calendar}|${tenant.currency}`;
    if (this.known.get(tenant.tenantId) === key) return;
    this.known.set(tenant.tenantId, key);
    void this.repo
      .rememberTenant({ tenantId: tenant.tenantId, timezone: tenant.timezone, calendar: tenant.calendar, currency: tenant.currency })
      .catch((err: unknown) => {
        this.known.delete(tenant.tenantId);
        this.logger.warn({ err, tenant_id: tenant.tenantId }, 'could not remember the tenant for the job scheduler; retried on its next call');
      });
  }
}
