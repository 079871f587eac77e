import pino from 'pino';
import { OutboxRelay } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, type TestDatabase } from '@club/platform-testing';
import type { GatewayConfig } from '../src/config';
import { GATEWAY_MIGRATIONS } from '../src/migrations';
import { TenantRepository } from '../src/repositories/tenant.repository';
import { TenantsService } from '../src/services/tenants.service';
import type { ServiceClients } from '../src/repositories/service-clients';

/** The random part of `ck_<32 hex>_<secret>` (the secret itself may contain '_'). */
const secretOf = (key: string): string => key.slice('ck_'.length + 32 + 1);

describe('tenants and API keys (real PostgreSQL)', () => {
  let db: TestDatabase;
  let tenants: TenantsService;

  beforeAll(async () => {
    db = await createTestDatabase('gateway', GATEWAY_MIGRATIONS);
    const uow = new UnitOfWork(db.dataSource, new OutboxRelay(db.dataSource, testKafka(), pino({ level: 'silent' })));
    tenants = new TenantsService(new TenantRepository(db.dataSource), uow, new Clock(), new Ids(), {} as ServiceClients, {
      CLUB_ADMIN_TOKEN: 'x'.repeat(32),
      AUTH_CACHE_TTL_MS: 0,
    } as GatewayConfig);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('stores only the hash of the key and authenticates the key to its own tenant', async () => {
    const a = await tenants.createTenant({ name: 'A', timezone: 'Asia/Tehran', calendar: 'jalali', currency: 'IRR' });
    const b = await tenants.createTenant({ name: 'B', timezone: 'Europe/Berlin', calendar: 'gregorian', currency: 'EUR' });
    expect(a.tenant.locale).toBe('fa');
    expect(b.tenant.locale).toBe('en');
    const stored = await db.dataSource.query<{ key_hash: string }[]>(`SELECT key_hash FROM api_keys WHERE tenant_id = $1`, [a.tenant.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0].key_hash).not.toContain(secretOf(a.apiKey));
    expect(await tenants.authenticate(a.apiKey)).toMatchObject({ tenant: { tenantId: a.tenant.id, currency: 'IRR', calendar: 'jalali' }, keyLabel: 'default' });
    expect(await tenants.authenticate(b.apiKey)).toMatchObject({ tenant: { tenantId: b.tenant.id, currency: 'EUR', timezone: 'Europe/Berlin' } });
  });

  it('refuses a forged key that names another tenant, a tampered key and a revoked key', async () => {
    const a = await tenants.createTenant({ name: 'A', timezone: 'Asia/Tehran', calendar: 'jalali', currency: 'IRR' });
    const b = await tenants.createTenant({ name: 'B', timezone: 'Asia/Tehran', calendar: 'jalali', currency: 'IRR' });
    const secretOfA = secretOf(a.apiKey);
    expect(await tenants.authenticate(`ck_${b.tenant.id.replace(/-/g, '')}_${secretOfA}`)).toBeUndefined();
    expect(await tenants.authenticate(`${a.apiKey.slice(0, -1)}${a.apiKey.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    await db.dataSource.query(`UPDATE api_keys SET revoked_at = now() WHERE tenant_id = $1`, [a.tenant.id]);
    expect(await tenants.authenticate(a.apiKey)).toBeUndefined();
  });
});
