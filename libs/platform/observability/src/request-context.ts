import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request values the logger adds to every line (never personal data). */
export interface RequestContext {
  tenantId?: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function runWithTenant<T>(tenantId: string, fn: () => T): T {
  return requestContext.run({ tenantId }, fn);
}
