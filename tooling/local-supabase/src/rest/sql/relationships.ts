// Finds the foreign key an embedded resource goes through, the way PostgREST names them:
// by table name, foreign-key name or column name, narrowed by a `!hint`.
import { RestError } from '../errors.ts';
import { qualifiedKey, type ForeignKey, type SchemaCache, type Table } from '../schema-cache.ts';

export interface Relationship {
  /** many-to-one and one-to-one give an object, one-to-many and many-to-many an array. */
  cardinality: 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';
  /** The foreign key joined on; for many-to-many the junction's key to the parent. */
  foreignKey: ForeignKey;
  target: Table;
  /** Columns of the parent and the embedded table that must be equal, pairwise (not many-to-many). */
  parentColumns: string[];
  childColumns: string[];
  /** many-to-many: the junction table and its keys to the parent and to the embedded table. */
  junction: { table: Table; toParent: ForeignKey; toChild: ForeignKey } | null;
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}

function candidates(cache: SchemaCache, parent: Table): Relationship[] {
  const found: Relationship[] = [];
  for (const fk of cache.foreignKeys) {
    if (fk.schema === parent.schema && fk.table === parent.name) {
      const target = cache.tables.get(qualifiedKey(fk.foreignSchema, fk.foreignTable));
      if (target) {
        found.push({
          cardinality: 'many-to-one',
          foreignKey: fk,
          target,
          parentColumns: fk.columns,
          childColumns: fk.foreignColumns,
          junction: null,
        });
      }
    }
    if (fk.foreignSchema === parent.schema && fk.foreignTable === parent.name) {
      const target = cache.tables.get(qualifiedKey(fk.schema, fk.table));
      if (target) {
        const unique = target.uniqueKeys.some((key) => sameColumns(key, fk.columns));
        found.push({
          cardinality: unique ? 'one-to-one' : 'one-to-many',
          foreignKey: fk,
          target,
          parentColumns: fk.foreignColumns,
          childColumns: fk.columns,
          junction: null,
        });
        found.push(...manyToMany(cache, parent, fk, target));
      }
    }
  }
  return found;
}

/**
 * Tables reachable through `junction` (which references the parent by `toParent`): every other
 * foreign key of the junction whose columns, with the parent's, make up the junction's primary key
 * or a unique key — PostgREST's rule for a junction table.
 */
function manyToMany(
  cache: SchemaCache,
  parent: Table,
  toParent: ForeignKey,
  junction: Table,
): Relationship[] {
  const found: Relationship[] = [];
  for (const toChild of cache.foreignKeys) {
    if (
      toChild === toParent ||
      toChild.schema !== junction.schema ||
      toChild.table !== junction.name
    )
      continue;
    const keyed = junction.uniqueKeys.some((key) =>
      [...toParent.columns, ...toChild.columns].every((c) => key.includes(c)),
    );
    if (!keyed) continue;
    const target = cache.tables.get(qualifiedKey(toChild.foreignSchema, toChild.foreignTable));
    if (!target || (target.schema === parent.schema && target.name === parent.name)) continue;
    found.push({
      cardinality: 'many-to-many',
      foreignKey: toParent,
      target,
      parentColumns: toParent.foreignColumns,
      childColumns: toChild.foreignColumns,
      junction: { table: junction, toParent, toChild },
    });
  }
  return found;
}

function describe(rel: Relationship): string {
  const via = rel.junction ? ` via ${rel.junction.table.name}` : '';
  return `${rel.foreignKey.constraint}${via} (${rel.cardinality})`;
}

/** What a `!hint` must say to pick `rel`. */
function hintFor(rel: Relationship): string {
  return rel.junction ? rel.junction.table.name : rel.foreignKey.constraint;
}

/** Resolves `name!hint` embedded under `parent`; 400 PGRST200 when none, 300 PGRST201 when several. */
export function resolveRelationship(
  cache: SchemaCache,
  parent: Table,
  name: string,
  hint: string | null,
): Relationship {
  const all = candidates(cache, parent);
  // By target table name first; otherwise by foreign-key name or a parent column (`owner_id(*)`).
  let matches = all.filter((rel) => rel.target.name === name);
  if (matches.length === 0) {
    matches = all.filter(
      (rel) =>
        rel.foreignKey.constraint === name ||
        (rel.cardinality === 'many-to-one' &&
          rel.parentColumns.length === 1 &&
          rel.parentColumns[0] === name),
    );
  }
  if (hint !== null) {
    matches = matches.filter(
      (rel) =>
        rel.junction?.table.name === hint ||
        rel.junction?.toChild.constraint === hint ||
        rel.foreignKey.constraint === hint ||
        (rel.cardinality === 'many-to-one' ? rel.parentColumns : rel.childColumns).includes(hint) ||
        (rel.parentColumns.length === 1 && rel.parentColumns[0] === hint),
    );
  }
  if (matches.length > 1 && hint !== null) {
    // A self-reference matches both ways; a column hint names the referencing (parent) side.
    const narrowed = matches.filter(
      (rel) => rel.cardinality === 'many-to-one' && rel.parentColumns.includes(hint),
    );
    if (narrowed.length === 1) matches = narrowed;
  }
  const [only] = matches;
  if (matches.length === 1 && only) return only;
  if (matches.length === 0) {
    throw new RestError(
      400,
      'PGRST200',
      `Could not find a relationship between '${parent.name}' and '${name}' in the schema cache`,
      {
        details: `Searched for a foreign key relationship between '${parent.name}' and '${name}'${
          hint ? ` using the hint '${hint}'` : ''
        } in the schema '${parent.schema}', but no matches were found.`,
        hint: null,
      },
    );
  }
  throw new RestError(
    300,
    'PGRST201',
    `Could not embed because more than one relationship was found for '${parent.name}' and '${name}'`,
    {
      details: matches.map(describe).join(', '),
      hint: `Try changing '${name}' to one of the following: ${matches
        .map((rel) => `'${name}!${hintFor(rel)}'`)
        .join(', ')}. Find the desired relationship in the 'details' key.`,
    },
  );
}
