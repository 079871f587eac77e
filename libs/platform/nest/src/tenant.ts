import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { TENANT_METADATA, type Calendar, type Locale, type TenantContext } from '@club/contracts';
import { invalidArgument } from './rpc-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function first(md: Metadata, key: string): string | undefined {
  const v = md.get(key)[0];
  return v === undefined ? undefined : v.toString();
}

/** Reads the tenant context the gateway put in the call metadata; throws INVALID_ARGUMENT when absent. */
export function tenantFromMetadata(md: Metadata): TenantContext {
  const tenantId = first(md, TENANT_METADATA.id);
  if (!tenantId || !UUID.test(tenantId)) throw invalidArgument(`missing or malformed ${TENANT_METADATA.id} metadata`);
  // Every field is required: a silent default (say, IRR for a euro tenant) would miscount points.
  const timezone = first(md, TENANT_METADATA.timezone);
  const calendar = first(md, TENANT_METADATA.calendar);
  const currency = first(md, TENANT_METADATA.currency);
  const locale = first(md, TENANT_METADATA.locale);
  if (!timezone || (calendar !== 'jalali' && calendar !== 'gregorian') || !currency || !/^[A-Z]{3}$/.test(currency) || (locale !== 'fa' && locale !== 'en')) {
    throw invalidArgument('incomplete tenant metadata (timezone, calendar, currency and locale are required)');
  }
  return { tenantId, timezone, calendar: calendar satisfies Calendar, currency, locale: locale satisfies Locale };
}

export function tenantToMetadata(tenant: TenantContext, md: Metadata): Metadata {
  md.set(TENANT_METADATA.id, tenant.tenantId);
  md.set(TENANT_METADATA.timezone, tenant.timezone);
  md.set(TENANT_METADATA.calendar, tenant.calendar);
  md.set(TENANT_METADATA.currency, tenant.currency);
  md.set(TENANT_METADATA.locale, tenant.locale);
  return md;
}

/** `@Tenant() tenant: TenantContext` in a gRPC handler. */
export const Tenant = createParamDecorator((_: unknown, ctx: ExecutionContext): TenantContext => {
  return tenantFromMetadata(ctx.switchToRpc().getContext<Metadata>());
});
