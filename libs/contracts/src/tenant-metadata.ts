/**
 * The tenant a gRPC call acts for travels in call metadata, set by the gateway after it has
 * authenticated the API key. Services never trust a tenant id from a request body.
 */
export const TENANT_METADATA = {
  id: 'club-tenant-id',
  timezone: 'club-tenant-timezone',
  calendar: 'club-tenant-calendar',
  currency: 'club-tenant-currency',
  locale: 'club-tenant-locale',
} as const;

export type Calendar = 'jalali' | 'gregorian';
export type Locale = 'fa' | 'en';

export interface TenantContext {
  readonly tenantId: string;
  readonly timezone: string;
  readonly calendar: Calendar;
  readonly currency: string;
  readonly locale: Locale;
}

/** Problem details a service returns inside a gRPC error's message (JSON), mapped to RFC 9457 by the gateway. */
export interface RpcProblem {
  readonly detail: string;
  readonly errors?: ReadonlyArray<{ readonly pointer: string; readonly detail: string }>;
}
