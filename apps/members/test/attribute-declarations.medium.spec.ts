import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { DeclareAttributes1763900000315 } from '../src/migrations/1763900000315-declare-attributes';
import { MEMBERS_MIGRATIONS } from '../src/migrations';
import { parseEvent } from '@club/contracts';
import { membersKit } from './kit';

describe('attribute declarations for campaign rules (real PostgreSQL)', () => {
  let db: TestDatabase;
  let kit: ReturnType<typeof membersKit>;

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    kit = membersKit(db.dataSource);
  });

  afterAll(async () => {
    await db.drop();
  });

  const announced = async (tenantId: string) =>
    (await db.dataSource.query<{ message_key: string; value: string }[]>(`SELECT message_key, value FROM outbox WHERE tenant_id = $1 AND topic = 'members.attribute.defined.v1' ORDER BY seq`, [tenantId])).map((r) => {
      const parsed = parseEvent('members.attribute.defined.v1', r.value);
      if (!parsed.ok) throw new Error(parsed.error);
      return { key: r.message_key, data: parsed.event.data };
    });

  it('every DefineAttribute announces the definition (in its transaction), later ones with a later definedAt', async () => {
    const tenant = testTenant();
    await kit.members.defineAttribute(tenant, { key: 'shoe_size', type: 'number', label: 'Shoe size' });
    await kit.members.defineAttribute(tenant, { key: 'shoe_size', type: 'enum', label: 'Shoe size', options: ['s', 'm', 'l'] });
    const events = await announced(tenant.tenantId);
    expect(events).toEqual([
      { key: 'shoe_size', data: { key: 'shoe_size', type: 'number', options: null, definedAt: expect.any(String) } },
      { key: 'shoe_size', data: { key: 'shoe_size', type: 'enum', options: ['s', 'm', 'l'], definedAt: expect.any(String) } },
    ]);
    expect(Date.parse(events[1].data.definedAt)).toBeGreaterThanOrEqual(Date.parse(events[0].data.definedAt));
    expect(await announced(testTenant().tenantId)).toEqual([]);
  });

  it('the migration announces the definitions saved before (parseable envelopes)', async () => {
    const tenant = testTenant();
    await db.dataSource.query(`INSERT INTO attribute_definitions (tenant_id, key, type, label, options) VALUES ($1, 'vip', 'boolean', 'VIP', NULL), ($1, 'city', 'enum', 'City', '{tehran,shiraz}')`, [
      tenant.tenantId,
    ]);
    const runner = db.dataSource.createQueryRunner();
    try {
      await db.dataSource.query(`DELETE FROM outbox`); // only this run's announcements
      await new DeclareAttributes1763900000315().up(runner);
    } finally {
      await runner.release();
    }
    expect(await announced(tenant.tenantId)).toEqual([
      { key: 'city', data: { key: 'city', type: 'enum', options: ['tehran', 'shiraz'], definedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) } },
      { key: 'vip', data: { key: 'vip', type: 'boolean', options: null, definedAt: expect.any(String) } },
    ]);
  });
});
