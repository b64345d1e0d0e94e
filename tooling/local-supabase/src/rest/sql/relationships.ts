// Finds the foreign key an embedded resource goes through, the way PostgREST names them:
// by table name, foreign-key name or column name, narrowed by a `!hint`.
import { RestError } from '../errors.ts';
import { qualifiedKey, type ForeignKey, type SchemaCache, type Table } from '../schema-cache.ts';

export interface Relationship {
  /** many-to-one and one-to-one give an object, one-to-many an array. */
  cardinality: 'many-to-one' | 'one-to-many' | 'one-to-one';
  foreignKey: ForeignKey;
  target: Table;
  /** Columns of the parent and the embedded table that must be equal, pairwise. */
  parentColumns: string[];
  childColumns: string[];
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
        });
      }
    }
  }
  return found;
}

function describe(rel: Relationship): string {
  return `${rel.foreignKey.constraint} (${rel.cardinality})`;
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
        (rel.cardinality === 'many-to-one' && rel.parentColumns.length === 1 && rel.parentColumns[0] === name),
    );
  }
  if (hint !== null) {
    matches = matches.filter(
      (rel) =>
        rel.foreignKey.constraint === hint ||
        (rel.cardinality === 'many-to-one' ? rel.parentColumns : rel.childColumns).includes(hint) ||
        (rel.parentColumns.length === 1 && rel.parentColumns[0] === hint),
    );
  }
  if (matches.length > 1 && hint !== null) {
    // A self-reference matches both ways; a column hint names the referencing (parent) side.
    const narrowed = matches.filter((rel) => rel.cardinality === 'many-to-one' && rel.parentColumns.includes(hint));
    if (narrowed.length === 1) matches = narrowed;
  }
  const [only] = matches;
  if (matches.length === 1 && only) return only;
  if (matches.length === 0) {
    throw new RestError(400, 'PGRST200', `Could not find a relationship between '${parent.name}' and '${name}' in the schema cache`, {
      details: `Searched for a foreign key relationship between '${parent.name}' and '${name}'${
        hint ? ` using the hint '${hint}'` : ''
      } in the schema '${parent.schema}', but no matches were found.`,
      hint: null,
    });
  }
  throw new RestError(300, 'PGRST201', `Could not embed because more than one relationship was found for '${parent.name}' and '${name}'`, {
    details: matches.map(describe).join(', '),
    hint: `Try changing '${name}' to one of the following: ${matches
      .map((rel) => `'${name}!${rel.foreignKey.constraint}'`)
      .join(', ')}. Find the desired relationship in the 'details' key.`,
  });
}
