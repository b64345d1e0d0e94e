// Catalog queries behind the structural tests. Each returns the offending objects, so a failing
// test names exactly what to fix. Run them on a client whose search_path is empty, so every name
// they print (tables, functions, policy expressions) is schema-qualified.
import type pg from 'pg';

/** Schemas our migrations own: everything the API exposes plus the private helpers. */
export const OWN_SCHEMAS = ['public', 'private'];
const API_ROLES = ['anon', 'authenticated'];

export async function tablesWithoutRls(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select c.oid::regclass::text as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity
      order by 1`,
  );
  return rows.map((row) => row.name);
}

/** Views run as their owner unless security_invoker is set, which would skip the tables' RLS. */
export async function viewsBypassingRls(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select c.oid::regclass::text as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'v'
        and not coalesce(c.reloptions && array['security_invoker=true', 'security_invoker=on', 'security_invoker=1'], false)
      order by 1`,
  );
  return rows.map((row) => row.name);
}

/**
 * `table: role may <op> but no policy lets it` for each operation anon/authenticated hold a
 * grant for (table- or column-level) and no permissive policy for that command and role covers.
 */
export async function grantsWithoutPolicy(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ gap: string }>(
    `with tables as (
       select c.oid, c.oid::regclass::text as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
     ),
     ops (op, cmd) as (values ('select', 'r'), ('insert', 'a'), ('update', 'w'), ('delete', 'd'))
     select format('%s: %s may %s but no policy covers it', t.name, r.role, o.op) as gap
       from tables t cross join unnest($1::text[]) as r(role) cross join ops o
      where case o.op when 'delete' then has_table_privilege(r.role, t.oid, 'delete')
                      else has_any_column_privilege(r.role, t.oid, o.op) end
        and not exists (
          select 1 from pg_policy p
           where p.polrelid = t.oid and p.polpermissive
             and p.polcmd in (o.cmd, '*')
             and (0::oid = any(p.polroles) or r.role::regrole::oid = any(p.polroles)))
      order by 1`,
    [API_ROLES],
  );
  return rows.map((row) => row.gap);
}

export async function foreignKeysWithoutIndex(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ fk: string }>(
    `select format('%s.%s (%s)', c.conrelid::regclass, c.conname,
                   (select string_agg(a.attname, ', ' order by k.ord)
                      from unnest(c.conkey) with ordinality k(attnum, ord)
                      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum)) as fk
       from pg_constraint c
       join pg_class t on t.oid = c.conrelid
       join pg_namespace n on n.oid = t.relnamespace
      where c.contype = 'f' and n.nspname = any($1)
        and not exists (
          -- an index whose leading columns are exactly the key's columns, in any order
          select 1 from pg_index i
           where i.indrelid = c.conrelid and i.indpred is null
             and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
             and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] <@ c.conkey)
      order by 1`,
    [OWN_SCHEMAS],
  );
  return rows.map((row) => row.fk);
}

export interface PolicyText {
  table: string;
  policy: string;
  command: string;
  roles: string[];
  /** USING and WITH CHECK, deparsed with every name schema-qualified. */
  expressions: string[];
}

export async function policies(db: pg.ClientBase): Promise<PolicyText[]> {
  const { rows } = await db.query<PolicyText>(
    `select p.polrelid::regclass::text as table, p.polname as policy,
            case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update'
                          when 'd' then 'delete' else 'all' end as command,
            array(select case r when 0 then 'public' else r::regrole::text end
                    from unnest(p.polroles) r) as roles,
            array_remove(array[pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)],
                         null) as expressions
       from pg_policy p
       join pg_class c on c.oid = p.polrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1)
      order by 1, 2`,
    [[...OWN_SCHEMAS, 'storage']],
  );
  return rows;
}

/** Functions that read the request (same value for every row) and so belong in `(select …)`. */
const PER_STATEMENT_CALL = /\b(auth\.(?:uid|jwt|role|email)|public\.is_admin)\(/g;

/**
 * Calls of auth.uid()/auth.jwt()/… in `expression` that PostgreSQL would evaluate per row: those
 * not inside a scalar sub-select without FROM, which the planner runs once as an InitPlan.
 */
export function unwrappedCalls(expression: string): string[] {
  const found: string[] = [];
  for (const match of expression.matchAll(PER_STATEMENT_CALL)) {
    if (!insideInitPlan(expression, match.index)) found.push(`${match[1]}()`);
  }
  return found;
}

function insideInitPlan(expression: string, at: number): boolean {
  // Walk outwards through the enclosing parentheses; the innermost `( SELECT …)` decides.
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const char = expression[i];
    if (char === ')') depth++;
    else if (char === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (/^\(\s*SELECT\b/i.test(expression.slice(i))) {
        const group = expression.slice(i, closingParen(expression, i) + 1);
        return !/\bFROM\b/i.test(group);
      }
    }
  }
  return false;
}

function insideSubqueryWithFrom(expression: string, at: number): boolean {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const char = expression[i];
    if (char === ')') depth++;
    else if (char === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (/^\(\s*SELECT\b/i.test(expression.slice(i))) {
        const group = expression.slice(i, closingParen(expression, i) + 1);
        if (/\bFROM\b/i.test(group)) return true;
      }
    }
  }
  return false;
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length - 1;
}

/** Functions in our schemas whose search_path a caller could change. */
export async function functionsWithMutableSearchPath(
  db: pg.ClientBase,
  options: { securityDefinerOnly: boolean },
): Promise<string[]> {
  const { rows } = await db.query<{ fn: string }>(
    `select p.oid::regprocedure::text as fn
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any($1)
        and ($2 = false or p.prosecdef)
        and p.prokind in ('f', 'p')
        -- functions an extension installed are the extension's business
        and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                          and d.objid = p.oid and d.deptype = 'e')
        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) setting
                         where setting like 'search_path=%')
      order by 1`,
    [OWN_SCHEMAS, options.securityDefinerOnly],
  );
  return rows.map((row) => row.fn);
}

/** Tables with an updated_at column but no before-update trigger calling private.set_updated_at(). */
export async function tablesWithoutUpdatedAtTrigger(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select c.oid::regclass::text as name
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'updated_at' and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and not exists (
          select 1 from pg_trigger t
           where t.tgrelid = c.oid and not t.tgisinternal
             and t.tgfoid = 'private.set_updated_at()'::regprocedure
             and (t.tgtype & 2) = 2    -- before
             and (t.tgtype & 16) = 16) -- update
      order by 1`,
  );
  return rows.map((row) => row.name);
}

/** `<column> = (select auth.uid())` in either order, as pg_get_expr prints it. */
const OWNER_COMPARISON = [
  /\(\s*SELECT auth\.uid\(\) AS uid\)\s*=\s*([a-z_][a-z0-9_]*)\b(?![.(])/gi,
  /(?<![.\w])([a-z_][a-z0-9_]*)\s*=\s*\(\s*SELECT auth\.uid\(\) AS uid\)/gi,
];

/** Columns a policy compares with the caller's id; the ones whose table has no index leading with them. */
export async function policyColumnsWithoutIndex(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ table: string; leading: string[] }>(
    `select c.oid::regclass::text as table,
            array(select a.attname from pg_index i
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                   where i.indrelid = c.oid and i.indpred is null)::text[] as leading
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`,
  );
  const leading = new Map(rows.map((row) => [row.table, new Set(row.leading)]));
  const missing = new Set<string>();
  for (const policy of await policies(db)) {
    const indexed = leading.get(policy.table);
    if (!indexed) continue; // not a public table (storage.objects is Supabase's to index)
    for (const expression of policy.expressions) {
      for (const pattern of OWNER_COMPARISON) {
        for (const match of expression.matchAll(pattern)) {
          const column = match[1];
          // Columns inside a sub-query belong to the sub-query's tables, not to this one.
          if (insideSubqueryWithFrom(expression, match.index)) continue;
          if (column && !indexed.has(column))
            missing.add(`${policy.table}.${column} (policy "${policy.policy}")`);
        }
      }
    }
  }
  return [...missing].sort();
}
