import { Client } from 'pg';

/** A service's own database and role, as the local launcher and the test harness create them. */
export interface ServiceDatabase {
  readonly database: string;
  readonly user: string;
  readonly password: string;
}

function ident(s: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`unsafe SQL identifier: ${s}`);
  return `"${s}"`;
}

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Creates (idempotently) a login role and a database owned by it, so each service reaches only
 * its own data with its own credentials. Returns the service's connection URL.
 */
export async function provisionServiceDatabase(adminUrl: string, db: ServiceDatabase, template?: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', ['club:provision']);
    const role = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [db.user]);
    if (role.rowCount === 0) {
      await admin.query(`CREATE ROLE ${ident(db.user)} LOGIN PASSWORD ${literal(db.password)}`);
    }
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.database]);
    if (exists.rowCount === 0) {
      const tpl = template ? ` TEMPLATE ${ident(template)}` : '';
      await admin.query(`CREATE DATABASE ${ident(db.database)} OWNER ${ident(db.user)}${tpl}`);
    }
    await admin.query(`REVOKE ALL ON DATABASE ${ident(db.database)} FROM PUBLIC`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', ['club:provision']).catch(() => undefined);
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.username = db.user;
  url.password = db.password;
  url.pathname = `/${db.database}`;
  return url.toString();
}
