import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  InMemorySpanExporter,
  NoopSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

let sdk: NodeSDK | undefined;
let memoryExporter: InMemorySpanExporter | undefined;

/**
 * The sampler the standard OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG name: `always_on`,
 * `always_off`, `traceidratio`, `parentbased_always_on` (the default: every trace, and a caller's
 * sampling decision is kept), `parentbased_always_off` or `parentbased_traceidratio` (at peak,
 * e.g. with 0.1: a tenth of the new traces are recorded, and a service continues whatever its
 * caller decided, so a trace is whole or absent). The ratio defaults to 1. The services' config
 * rejects other values at start-up; here they fall back to the default.
 */
export function tracesSamplerFromEnv(env: NodeJS.ProcessEnv = process.env): Sampler {
  const arg = env.OTEL_TRACES_SAMPLER_ARG?.trim();
  const n = arg ? Number(arg) : NaN;
  const ratio = Number.isFinite(n) && n >= 0 && n <= 1 ? n : 1;
  switch (env.OTEL_TRACES_SAMPLER?.trim()) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/**
 * What is patched: incoming and outgoing HTTP (not the ops endpoints) and gRPC (not health
 * checks) always; PostgreSQL queries only with OTEL_PG_SPANS=true — a span per query (several
 * per checkout) costs more CPU than it tells at the tills' rate.
 */
export function instrumentationsFromEnv(env: NodeJS.ProcessEnv = process.env): Instrumentation[] {
  const list: Instrumentation[] = [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (req) => /^\/(healthz|readyz|metrics)\b/.test(req.url ?? ''),
    }),
    new GrpcInstrumentation({ ignoreGrpcMethods: ['Check', 'Watch'] }),
  ];
  if (env.OTEL_PG_SPANS?.trim() === 'true') list.push(new PgInstrumentation({ requireParentSpan: true }));
  return list;
}

/**
 * Starts the OpenTelemetry SDK. Call it from each app's instrumentation.ts, imported first in
 * main.ts, so http and gRPC (and pg, see {@link instrumentationsFromEnv}) are patched before
 * NestJS loads them. Traces are exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set;
 * with OTEL_TRACES_EXPORTER=memory they are kept in memory for tests; otherwise spans are still
 * created (trace ids in logs and responses) but not exported. Sampling: {@link tracesSamplerFromEnv}.
 */
export function startTelemetry(serviceName: string): NodeSDK {
  if (sdk) return sdk;
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  const processors: SpanProcessor[] = [];
  if (process.env.OTEL_TRACES_EXPORTER === 'memory') {
    memoryExporter = new InMemorySpanExporter();
    processors.push(new SimpleSpanProcessor(memoryExporter));
  } else if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  } else {
    // The SDK registers no tracer provider without a processor; we still want real spans
    // (trace ids in logs, responses and Kafka headers), just not exported.
    processors.push(new NoopSpanProcessor());
  }
  sdk = new NodeSDK({
    serviceName,
    spanProcessors: processors,
    sampler: tracesSamplerFromEnv(),
    instrumentations: instrumentationsFromEnv(),
  });
  sdk.start();
  return sdk;
}

export async function shutdownTelemetry(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}

/** The in-memory exporter when OTEL_TRACES_EXPORTER=memory (tests only). */
export function telemetryMemoryExporter(): InMemorySpanExporter | undefined {
  return memoryExporter;
}
