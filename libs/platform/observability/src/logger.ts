import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { trace } from '@opentelemetry/api';
import { requestContext } from './request-context';

/**
 * Structured JSON logs: every line carries service, trace_id/span_id (from the active span) and
 * tenant_id (from the request context). Personal data is never logged; the redact list is a
 * safety net, not a licence.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Errors are logged by name, message, code and stack only: database errors carry the failed
    // query's parameters and details (phone numbers, names), which must never reach the logs.
    serializers: { err: serializeError, error: serializeError },
    redact: {
      paths: [
        'phone', '*.phone', 'cardNumber', '*.cardNumber', 'email', '*.email',
        'firstName', '*.firstName', 'lastName', '*.lastName', 'apiKey', '*.apiKey',
        'headers.authorization', 'headers["x-api-key"]',
      ],
      censor: '[redacted]',
    },
    mixin() {
      const out: Record<string, string> = {};
      const span = trace.getActiveSpan()?.spanContext();
      if (span && trace.isSpanContextValid(span)) {
        out.trace_id = span.traceId;
        out.span_id = span.spanId;
      }
      const tenantId = requestContext.getStore()?.tenantId;
      if (tenantId) out.tenant_id = tenantId;
      return out;
    },
  });
}

export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return typeof err === 'string' ? err : undefined;
  const e = err as Error & { code?: unknown; driverError?: { code?: unknown; constraint?: unknown }; constraint?: unknown };
  return {
    type: e.name,
    message: e.message,
    code: typeof e.code === 'string' || typeof e.code === 'number' ? e.code : e.driverError?.code,
    constraint: e.constraint ?? e.driverError?.constraint,
    stack: e.stack,
  };
}

/** Adapter so NestJS's own messages go through the same JSON logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    const err = message instanceof Error ? message : undefined;
    this.logger.error({ context: context ?? stackOrContext, err }, err ? err.message : String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
