/**
 * The level of an access log line (one per HTTP request, one per RPC). Successful, fast calls
 * are logged at debug, so `LOG_LEVEL=info` does not write a line per request at the tills'
 * rate; failures and slow calls stay visible at info, server faults at warn.
 */
export type AccessLogLevel = 'debug' | 'info' | 'warn';

/** The default of LOG_SLOW_REQUEST_MS: calls taking at least this long are logged at info. */
export const DEFAULT_SLOW_REQUEST_MS = 1000;

/** gRPC codes that mean the server failed (their HTTP counterparts are 5xx). */
const SERVER_FAULTS = new Set(['UNKNOWN', 'INTERNAL', 'DATA_LOSS', 'UNIMPLEMENTED', 'UNAVAILABLE', 'DEADLINE_EXCEEDED']);

/** HTTP: 5xx warn, other 4xx info, a call of at least `slowMs` info, anything else debug. */
export function httpAccessLogLevel(statusCode: number, durationMs: number, slowMs: number): AccessLogLevel {
  if (statusCode >= 500) return 'warn';
  if (statusCode >= 400 || durationMs >= slowMs) return 'info';
  return 'debug';
}

/** gRPC: server faults warn, other non-OK codes info, a call of at least `slowMs` info, anything else debug. */
export function rpcAccessLogLevel(code: string, durationMs: number, slowMs: number): AccessLogLevel {
  if (SERVER_FAULTS.has(code)) return 'warn';
  if (code !== 'OK' || durationMs >= slowMs) return 'info';
  return 'debug';
}
