import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { FastifyReply } from 'fastify';
import { distinctUntilChanged, from, interval, map, startWith, Subject, switchMap, takeUntil, type Observable } from 'rxjs';
import { metricsRegistry } from '@club/platform-observability';
import { Readiness } from './readiness';
import { Public } from './public.decorator';

type ServingStatus = 'SERVING' | 'NOT_SERVING';

/** Liveness, readiness and Prometheus metrics over HTTP; the standard health service over gRPC. */
@Controller()
@Public()
export class OpsController {
  constructor(private readonly readiness: Readiness) {}

  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  async readyz(@Res() reply: FastifyReply): Promise<void> {
    const result = await this.readiness.evaluate();
    await reply.code(result.ready ? 200 : 503).send({ status: result.ready ? 'ready' : 'not ready', checks: result.checks });
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }

  /**
   * grpc.health.v1: the empty service name is the server's liveness (used by Kubernetes' gRPC
   * liveness probe: a database or Kafka outage must not restart pods); any other name — the
   * service's own, e.g. `club.points.v1.PointsService`, or `readiness` — is readiness.
   */
  @GrpcMethod('Health', 'Check')
  async check(req: { service?: string }): Promise<{ status: ServingStatus }> {
    return { status: await this.status(req?.service ?? '') };
  }

  @GrpcMethod('Health', 'Watch')
  watch(req: { service?: string }): Observable<{ status: ServingStatus }> {
    const shutdown = new Subject<void>();
    this.readiness.onShutdown(() => shutdown.next());
    return interval(5000).pipe(
      startWith(0),
      switchMap(() => from(this.status(req?.service ?? ''))),
      distinctUntilChanged(),
      map((status) => ({ status })),
      takeUntil(shutdown), // let a graceful server shutdown finish
    );
  }

  private async status(service: string): Promise<ServingStatus> {
    if (service === '') return this.readiness.isLive() ? 'SERVING' : 'NOT_SERVING';
    return (await this.readiness.evaluate()).ready ? 'SERVING' : 'NOT_SERVING';
  }
}
