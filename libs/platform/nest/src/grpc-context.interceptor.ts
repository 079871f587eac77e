import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { status, type Metadata } from '@grpc/grpc-js';
import { Observable } from 'rxjs';
import { TENANT_METADATA } from '@club/contracts';
import { grpcServerDuration, requestContext } from '@club/platform-observability';

/**
 * For every gRPC call: puts the tenant id into the logging context (so handler logs carry it)
 * and records the call's duration and status code.
 */
@Injectable()
export class GrpcContextInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'rpc') return next.handle();
    const md = ctx.switchToRpc().getContext<Metadata>();
    const tenantId = md?.get?.(TENANT_METADATA.id)[0]?.toString();
    const labels = { grpc_service: ctx.getClass().name, grpc_method: ctx.getHandler().name };
    const end = grpcServerDuration.startTimer(labels);
    return new Observable((subscriber) =>
      requestContext.run({ tenantId }, () =>
        next.handle().subscribe({
          next: (v) => subscriber.next(v),
          error: (err: unknown) => {
            end({ grpc_code: codeName(err) });
            subscriber.error(err);
          },
          complete: () => {
            end({ grpc_code: 'OK' });
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
