import { createHash } from 'node:crypto';

/**
 * Tenant API keys look like `ck_<tenant id without dashes>_<43 random base64url chars>`.
 * The tenant id inside lets the lookup use the (tenant_id, key_hash) key; only the SHA-256 of
 * the whole key is stored, and the key itself is shown once.
 */
const KEY = /^ck_([0-9a-f]{32})_([A-Za-z0-9_-]{32,64})$/;

export function formatApiKey(tenantId: string, secret: string): string {
  return `ck_${tenantId.replace(/-/g, '')}_${secret}`;
}

export function parseApiKey(key: string): { tenantId: string } | undefined {
  const m = KEY.exec(key);
  if (!m) return undefined;
  const h = m[1];
  return { tenantId: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}` };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
