// The settings each role carries (`alter role anon set statement_timeout = '3s'`). Requests switch
// role inside a transaction, where PostgreSQL does not apply them, so PostgREST reads them and sets
// them per request; so do we (REST only, as hosted).
import type { Pool } from 'pg';

export type RoleSettings = Map<string, (readonly [string, string])[]>;

// Settings of the current database or of every database; the database-specific one wins.
const ROLE_SETTINGS_SQL = `
  select r.rolname as role, s.setconfig as settings
    from pg_db_role_setting s
    join pg_roles r on r.oid = s.setrole
   where s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
   order by s.setdatabase`;

/** Reads every role's settings, `name=value` pairs split. */
export async function readRoleSettings(pool: Pool): Promise<RoleSettings> {
  const { rows } = await pool.query<{ role: string; settings: string[] | null }>(ROLE_SETTINGS_SQL);
  const byRole = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const settings = byRole.get(row.role) ?? new Map<string, string>();
    for (const entry of row.settings ?? []) {
      const equals = entry.indexOf('=');
      // search_path comes from the request's profile, not the role.
      if (equals > 0 && entry.slice(0, equals) !== 'search_path')
        settings.set(entry.slice(0, equals), entry.slice(equals + 1));
    }
    byRole.set(row.role, settings);
  }
  return new Map([...byRole].map(([role, settings]) => [role, [...settings]]));
}
