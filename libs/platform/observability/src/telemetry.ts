import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  BatchSpanProcessor,
  InMemorySpanExporter,
  NoopSpanProcessor,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

let sdk: NodeSDK | undefined;
let memoryExporter: InMemorySpanExporter | undefined;

/**
 * Starts the OpenTelemetry SDK. Call it from each app's instrumentation.ts, imported first in
 * main.ts, so http, gRPC and pg are patched before NestJS loads them. Traces are exported over
 * OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set; with OTEL_TRACES_EXPORTER=memory they are
 * kept in memory for tests; otherwise spans are still created (trace ids in logs and responses)
 * but not exported.
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
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /^\/(healthz|readyz|metrics)\b/.test(req.url ?? ''),
      }),
      new GrpcInstrumentation({ ignoreGrpcMethods: ['Check', 'Watch'] }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
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
