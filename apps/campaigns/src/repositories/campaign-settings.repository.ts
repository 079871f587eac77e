import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CampaignSettingsInput } from '@club/contracts';
import type { AttributeDeclaration, AttributeType } from '../domain/rule-engine';

export interface StoredSettings {
  readonly version: number;
  readonly settings: CampaignSettingsInput;
  readonly createdBy: string;
  readonly createdAt: Date;
}

/** What a tenant's rules are compiled and stacked with: its latest settings (none = the defaults) and declared attributes. */
export interface TenantRuleSetup {
  readonly settings: StoredSettings | undefined;
  readonly attributes: readonly AttributeDeclaration[];
}

export interface AttributeDefinitionFact {
  readonly key: string;
  readonly type: AttributeType;
  readonly options: readonly string[] | null;
  readonly definedAt: Date;
}

interface SettingsRow {
  version: number;
  settings: CampaignSettingsInput;
  created_by: string;
  created_at: Date;
}

const toSettings = (r: SettingsRow): StoredSettings => ({ version: r.version, settings: r.settings, createdBy: r.created_by, createdAt: r.created_at });

/** Campaign settings (versioned, append-only) and the custom attributes declared to the rules. Tenant first everywhere. */
@Injectable()
export class CampaignSettingsRepository {
  constructor(private readonly ds: DataSource) {}

  async latest(tenantId: string): Promise<StoredSettings | undefined> {
    const rows = await this.ds.query<SettingsRow[]>(`SELECT version, settings, created_by, created_at FROM campaign_settings WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`, [tenantId]);
    return rows[0] ? toSettings(rows[0]) : undefined;
  }

  /**
   * Appends a version (the next number). A concurrent save of the same tenant waits for the
   * other's commit on the primary key and then takes the number after it.
   */
  async insertVersion(m: EntityManager, tenantId: string, settings: CampaignSettingsInput, operator: string): Promise<StoredSettings> {
    for (let attempt = 1; ; attempt++) {
      const rows = await m.query<SettingsRow[]>(
        `INSERT INTO campaign_settings (tenant_id, version, settings, created_by)
         SELECT $1, coalesce(max(version), 0) + 1, $2, $3 FROM campaign_settings WHERE tenant_id = $1
         ON CONFLICT DO NOTHING RETURNING version, settings, created_by, created_at`,
        [tenantId, JSON.stringify(settings), operator],
      );
      if (rows[0]) return toSettings(rows[0]);
      if (attempt >= 10) throw new Error('campaign settings: could not take a version number');
    }
  }

  /** The latest settings and the declared attributes, in one round trip (the evaluation cache's load). */
  async ruleSetup(tenantId: string): Promise<TenantRuleSetup> {
    const rows = await this.ds.query<{ settings: SettingsRow | null; attributes: AttributeDeclaration[] }[]>(
      `SELECT (SELECT to_jsonb(s) FROM (SELECT version, settings, created_by, created_at FROM campaign_settings WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1) s) AS settings,
              coalesce((SELECT jsonb_agg(jsonb_build_object('key', key, 'type', type) ORDER BY key) FROM rule_attributes WHERE tenant_id = $1), '[]') AS attributes`,
      [tenantId],
    );
    const s = rows[0].settings;
    return { settings: s ? { ...toSettings(s), createdAt: new Date(s.created_at) } : undefined, attributes: rows[0].attributes };
  }

  async attributes(m: EntityManager | undefined, tenantId: string): Promise<AttributeDeclaration[]> {
    return (m ?? this.ds).query<AttributeDeclaration[]>(`SELECT key, type FROM rule_attributes WHERE tenant_id = $1 ORDER BY key`, [tenantId]);
  }

  /** Keeps the latest definition of an attribute (a later or equal `definedAt` wins: Kafka keeps one key's events in order); false when the stored one is newer. */
  async recordAttribute(m: EntityManager, tenantId: string, a: AttributeDefinitionFact): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO rule_attributes (tenant_id, key, type, options, defined_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, key) DO UPDATE SET type = EXCLUDED.type, options = EXCLUDED.options, defined_at = EXCLUDED.defined_at
       WHERE rule_attributes.defined_at <= EXCLUDED.defined_at
       RETURNING key`,
      [tenantId, a.key, a.type, a.options, a.definedAt],
    );
    return rows.length === 1;
  }
}
