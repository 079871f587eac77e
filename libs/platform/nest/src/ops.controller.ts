import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { FastifyReply } from 'fastify';
import { distinctUntilChanged, from, interval, startWith, switchMap, type Observable } from 'rxjs';
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

  @GrpcMethod('Health', 'Check')
  async check(): Promise<{ status: ServingStatus }> {
    return { status: await this.status() };
  }

  @GrpcMethod('Health', 'Watch')
  watch(): Observable<{ status: ServingStatus }> {
    return interval(5000).pipe(
      startWith(0),
      switchMap(() => from(this.status())),
      distinctUntilChanged(),
      switchMap((status) => from([{ status }])),
    );
  }

  private async status(): Promise<ServingStatus> {
    return (await this.readiness.evaluate()).ready ? 'SERVING' : 'NOT_SERVING';
  }
}
