import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EarnRateMessage, TenantContext } from '@club/contracts';
import { Clock, CONFIG, Ids, UnitOfWork } from '@club/platform-nest';
import type { GatewayConfig } from '../config';
import { formatApiKey, hashApiKey, parseApiKey } from '../domain/api-key';
import type { CreateTenantInput } from '../http/schemas';
import { TenantRepository, type TenantRecord } from '../repositories/tenant.repository';
import { ServiceClients } from '../repositories/service-clients';
import { EarnRateCache } from './earn-rate.cache';
import { notFoundProblem } from '../http/problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toTenantContext(t: TenantRecord): TenantContext {
  return { tenantId: t.id, timezone: t.timezone, calendar: t.calendar, currency: t.currency, locale: t.locale };
}

/** An authenticated tenant key: the tenant, and the label the key was issued under. */
export interface KeyAuth {
  readonly tenant: TenantContext;
  readonly keyLabel: string;
}

@Injectable()
export class TenantsService {
  private readonly cache = new Map<string, { auth: KeyAuth; until: number }>();

  constructor(
    private readonly tenants: TenantRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
    private readonly services: ServiceClients,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    private readonly earnRates?: EarnRateCache,
  ) {}

  get adminToken(): string {
    return this.config.CLUB_ADMIN_TOKEN;
  }

  /** Creates a tenant and its first API key; the key is returned once and stored hashed. */
  async createTenant(input: CreateTenantInput): Promise<{ tenant: TenantRecord; apiKey: string }> {
    const tenant: TenantRecord = {
      id: this.ids.uuid(),
      name: input.name,
      timezone: input.timezone,
      calendar: input.calendar,
      currency: input.currency,
      locale: input.locale ?? (input.calendar === 'jalali' ? 'fa' : 'en'),
      createdAt: this.clock.now(),
    };
    const apiKey = formatApiKey(tenant.id, randomBytes(32).toString('base64url'));
    await this.uow.run(async (m) => {
      await this.tenants.insertTenant(m, tenant);
      await this.tenants.insertApiKey(m, tenant.id, hashApiKey(apiKey));
    });
    return { tenant, apiKey };
  }

  /** The flat earn rate lives with the ledger in points; the gateway forwards as that tenant. */
  async setEarnRate(tenantId: string, rate: { points: number; perAmount: number }): Promise<EarnRateMessage> {
    const saved = await this.services.setEarnRate(await this.requireTenant(tenantId), rate);
    this.earnRates?.invalidate(tenantId);
    return saved;
  }

  async getEarnRate(tenantId: string): Promise<EarnRateMessage> {
    return this.services.getEarnRate(await this.requireTenant(tenantId));
  }

  private async requireTenant(tenantId: string): Promise<TenantContext> {
    const t = UUID.test(tenantId) ? await this.tenants.findTenant(tenantId) : undefined;
    if (!t) throw notFoundProblem('tenant not found');
    return toTenantContext(t);
  }

  getTenant(tenantId: string): Promise<TenantRecord | undefined> {
    return this.tenants.findTenant(tenantId);
  }

  /** The tenant of a valid, unrevoked key; cached briefly because every till call needs it. */
  async authenticate(apiKey: string): Promise<KeyAuth | undefined> {
    const parsed = parseApiKey(apiKey);
    if (!parsed) return undefined;
    const hash = hashApiKey(apiKey);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.until > now) return hit.auth;
    const record = await this.tenants.findTenantByKey(parsed.tenantId, hash);
    if (!record) return undefined;
    const auth: KeyAuth = { tenant: toTenantContext(record.tenant), keyLabel: record.keyLabel };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { auth, until: now + this.config.AUTH_CACHE_TTL_MS });
    return auth;
  }
}
