import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import type { DynamicModule, Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { GRPC_SERVICES, HEALTH_PROTO, PROTO_LOADER_OPTIONS, PROTO_ROOT, type ServiceName } from '@club/contracts';
import type { z } from 'zod';
import { loadConfigOrExit, type BaseConfig } from '@club/platform-config';
import { createLogger, shutdownTelemetry, currentTraceparent, httpRequestDuration, initMetrics, NestPinoLogger, requestContext } from '@club/platform-observability';
import { httpAccessLogLevel } from './access-log';
import { GrpcContextInterceptor } from './grpc-context.interceptor';
import { Readiness } from './readiness';
import { join } from 'node:path';

export interface BootstrapOptions {
  readonly service: ServiceName;
  readonly module: Type | DynamicModule;
  readonly config: BaseConfig;
  readonly logger: Logger;
  /** Extra HTTP set-up (the gateway's filters, OpenAPI), before listen. */
  readonly configureHttp?: (app: NestFastifyApplication) => Promise<void> | void;
  readonly bodyLimit?: number;
}

/**
 * Boots a service: a Fastify HTTP server (ops endpoints, and the public API for the gateway) and
 * a gRPC server for the service's proto package plus grpc.health.v1, then handles SIGTERM/SIGINT
 * with a graceful shutdown bounded by SHUTDOWN_TIMEOUT_MS.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<NestFastifyApplication> {
  const { config, logger, service } = options;
  // Started by the local launcher: leave with it, also while still starting up.
  let onParentExit = (): void => process.exit(1);
  if (config.CLUB_EXIT_WITH_PARENT) {
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) onParentExit();
    }, 1000).unref();
  }
  initMetrics(service);
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimit ?? 1024 * 1024, return503OnClosing: true });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', async (req) => {
    (req as unknown as { startedAt: bigint }).startedAt = process.hrtime.bigint();
  });
  fastify.addHook('onSend', async (_req, reply, payload) => {
    const traceparent = currentTraceparent();
    if (traceparent) {
      void reply.header('traceparent', traceparent);
      void reply.header('x-trace-id', traceparent.split('-')[1]);
    }
    return payload;
  });
  fastify.addHook('onResponse', async (req, reply) => {
    const started = (req as unknown as { startedAt?: bigint }).startedAt;
    if (started === undefined) return;
    const route = req.routeOptions?.url ?? 'unmatched';
    if (route === '/metrics' || route === '/healthz' || route === '/readyz') return;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    httpRequestDuration.observe({ method: req.method, route, status_code: String(reply.statusCode) }, seconds);
    // The access log: route template and status only, never the path's ids, query or body; at
    // debug unless the request failed or was slow (LOG_SLOW_REQUEST_MS).
    const level = httpAccessLogLevel(reply.statusCode, seconds * 1000, config.LOG_SLOW_REQUEST_MS);
    if (!logger.isLevelEnabled(level)) return;
    // The gateway's auth guard puts the authenticated tenant on the request.
    const tenantId = (req as unknown as { tenant?: { tenantId?: string } }).tenant?.tenantId;
    requestContext.run({ tenantId }, () =>
      logger[level]({ method: req.method, route, status_code: reply.statusCode, duration_ms: Math.round(seconds * 1e4) / 10 }, 'request completed'),
    );
  });

  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  });
  // Before connectMicroservice: inheritAppConfig copies the global enhancers at that moment.
  app.useGlobalInterceptors(new GrpcContextInterceptor(logger, { slowMs: config.LOG_SLOW_REQUEST_MS }));
  const grpc = GRPC_SERVICES[service];
  app.connectMicroservice<MicroserviceOptions>(
    {
      transport: Transport.GRPC,
      options: {
        package: [grpc.package, HEALTH_PROTO.package],
        protoPath: [join(PROTO_ROOT, grpc.protoPath), join(PROTO_ROOT, HEALTH_PROTO.protoPath)],
        url: `0.0.0.0:${config.GRPC_PORT}`,
        loader: { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] },
        gracefulShutdown: true,
      },
    },
    { inheritAppConfig: true },
  );
  await options.configureHttp?.(app);
  // Initialise first (migrations, topics, relay, consumers, readiness checks), then serve.
  await app.init();
  await app.startAllMicroservices();
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
  app.get(Readiness).markStarted();
  logger.info({ http_port: config.PORT, grpc_port: config.GRPC_PORT }, `${service} started`);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    app.get(Readiness).markShuttingDown();
    logger.info({ signal }, 'shutdown requested');
    const timer = setTimeout(() => {
      logger.error({ timeout_ms: config.SHUTDOWN_TIMEOUT_MS }, 'graceful shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    app
      .close()
      .then(() => shutdownTelemetry().catch(() => undefined)) // flush the last spans
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  onParentExit = () => shutdown('parent-exited');
  return app;
}

/**
 * A service's whole main.ts after `import './instrumentation'`: validate config (exit 78 on a bad
 * value), create the JSON logger, boot, and exit non-zero if start-up fails.
 */
export function runService<S extends z.ZodType<BaseConfig>>(options: {
  readonly service: ServiceName;
  readonly configSchema: S;
  readonly module: (config: z.infer<S>, logger: Logger) => DynamicModule;
  readonly configureHttp?: (app: NestFastifyApplication, config: z.infer<S>) => Promise<void> | void;
}): void {
  const config = loadConfigOrExit(options.configSchema, options.service);
  const logger = createLogger(options.service, config.LOG_LEVEL);
  bootstrapService({
    service: options.service,
    module: options.module(config, logger),
    config,
    logger,
    configureHttp: options.configureHttp ? (app) => options.configureHttp?.(app, config) : undefined,
  }).catch((err: unknown) => {
    logger.fatal({ err }, `${options.service} failed to start`);
    process.exit(1);
  });
}
