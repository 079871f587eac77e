import { type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { status, type Metadata } from '@grpc/grpc-js';
import { Observable } from 'rxjs';
import type { Logger } from 'pino';
import { TENANT_METADATA } from '@club/contracts';
import { isTransientDbError } from '@club/platform-db';
import { grpcServerDuration, requestContext } from '@club/platform-observability';
import { DEFAULT_SLOW_REQUEST_MS, rpcAccessLogLevel } from './access-log';
import { rpcError } from './rpc-errors';

export interface GrpcContextOptions {
  /** Successful calls faster than this are logged at debug (LOG_SLOW_REQUEST_MS). */
  readonly slowMs?: number;
}

/**
 * For every gRPC call: puts the tenant id into the logging context (so handler logs carry it)
 * records the call's duration and status code, and writes one access log line (method, code,
 * duration: never the payload) — at debug for a fast successful call, at info for a failed or
 * slow one, at warn for a server fault (see access-log.ts).
 */
export class GrpcContextInterceptor implements NestInterceptor {
  private readonly slowMs: number;

  constructor(
    private readonly logger: Logger,
    options: GrpcContextOptions = {},
  ) {
    this.slowMs = options.slowMs ?? DEFAULT_SLOW_REQUEST_MS;
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'rpc') return next.handle();
    const md = ctx.switchToRpc().getContext<Metadata>();
    const tenantId = md?.get?.(TENANT_METADATA.id)[0]?.toString();
    const labels = { grpc_service: ctx.getClass().name, grpc_method: ctx.getHandler().name };
    const end = grpcServerDuration.startTimer(labels);
    const started = process.hrtime.bigint();
    const log = (code: string): void => {
      if (labels.grpc_method === 'check' || labels.grpc_method === 'watch') return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = rpcAccessLogLevel(code, ms, this.slowMs);
      if (!this.logger.isLevelEnabled(level)) return;
      this.logger[level]({ rpc: labels.grpc_method, grpc_code: code, duration_ms: Math.round(ms * 10) / 10 }, 'rpc handled');
    };
    return new Observable((subscriber) =>
      requestContext.run({ tenantId }, () =>
        next.handle().subscribe({
          next: (v) => subscriber.next(v),
          error: (raw: unknown) => {
            // A database outage is not the caller's fault: UNAVAILABLE tells it to retry the same request.
            const err = isTransientDbError(raw) ? rpcError(status.UNAVAILABLE, 'database unavailable; retry') : raw;
            const code = codeName(err);
            end({ grpc_code: code });
            log(code);
            subscriber.error(err);
          },
          complete: () => {
            end({ grpc_code: 'OK' });
            log('OK');
            subscriber.complete();
          },
        }),
      ),
    );
  }
}

function codeName(err: unknown): string {
  const code = (err as { getError?: () => unknown })?.getError?.();
  const n = typeof code === 'object' && code !== null ? (code as { code?: number }).code : undefined;
  return n !== undefined ? (status[n] ?? String(n)) : 'UNKNOWN';
}
