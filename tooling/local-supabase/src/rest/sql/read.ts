// Builds the SELECT for a read (or for the rows a mutation returns): one query per level,
// embedded resources as lateral joins aggregated with json_agg / row_to_json, as PostgREST does.
import { RestError } from '../errors.ts';
import type { Condition } from '../parse/filter.ts';
import { fieldLabel } from '../parse/field.ts';
import type { OrderTerm } from '../parse/order.ts';
import type { ParsedQuery, ResourceOptions } from '../parse/query.ts';
import { castType, type EmbedItem, type SelectItem } from '../parse/select.ts';
import type { Column, SchemaCache, Table } from '../schema-cache.ts';
import { conditionSql, fieldSql, type Scope } from './conditions.ts';
import { ident, qualified, type Params } from './params.ts';
import { resolveRelationship, type Relationship } from './relationships.ts';

/** A parsed cast as SQL: the type name quoted, so it can only ever name a type. */
function castSql(cast: string): string {
  const type = castType(cast);
  if (!type) throw new RestError(400, 'PGRST100', `invalid cast "${cast}"`);
  return `${ident(type.name)}${type.array ? '[]' : ''}`;
}

/** Where the top level reads from. */
export interface RootSource {
  /** FROM item without alias: `"public"."todos"`, `pgrst_source`, or a function call. */
  from: string;
  /** Name used in error messages. */
  relationName: string;
  columns: Map<string, Column>;
  /** The table behind the rows, for embedding; null when rows have no table (some rpc). */
  table: Table | null;
  /** Extra FROM items before the source (rpc argument records). */
  prefix?: string;
}

export interface RootOptions {
  /** Apply the request's root filters/order/limit (false when a mutation already did). */
  applyFilters: boolean;
  limit: number | null;
  offset: number | null;
}

export interface BuiltRead {
  sql: string;
  /** Counts the rows the filters select, ignoring limit/offset; null unless asked for. */
  countSql: string | null;
  /** Output labels of the top level, in order (for singular checks and spreads). */
  labels: string[];
}

interface Projection {
  sql: string;
  label: string;
  aggregate: boolean;
}

interface JoinParent {
  alias: string;
  relationship: Relationship;
}

/** Ties an embedded level to its parent row (through the junction table for many-to-many). */
function joinCondition(parent: JoinParent, alias: string): string {
  const { relationship } = parent;
  const { junction } = relationship;
  const pairs = (
    left: string,
    leftColumns: string[],
    right: string,
    rightColumns: string[],
  ): string[] =>
    leftColumns.map(
      (column, i) =>
        `${ident(left)}.${ident(column)} = ${ident(right)}.${ident(rightColumns[i] ?? column)}`,
    );
  if (!junction) {
    return pairs(alias, relationship.childColumns, parent.alias, relationship.parentColumns).join(
      ' and ',
    );
  }
  // exists() rather than a join: a child linked twice still appears once.
  const link = `${alias}_link`;
  const conditions = [
    ...pairs(link, junction.toParent.columns, parent.alias, junction.toParent.foreignColumns),
    ...pairs(link, junction.toChild.columns, alias, junction.toChild.foreignColumns),
  ];
  return `exists (select 1 from ${qualified(junction.table.schema, junction.table.name)} as ${ident(link)} where ${conditions.join(' and ')})`;
}

const EMPTY_OPTIONS: ResourceOptions = { conditions: [], order: [], limit: null, offset: null };

class ReadBuilder {
  private aliasCounter = 0;
  private readonly usedPaths = new Set<string>(['']);

  constructor(
    private readonly cache: SchemaCache,
    private readonly query: ParsedQuery,
    private readonly params: Params,
  ) {}

  build(source: RootSource, root: RootOptions, withCount: boolean): BuiltRead {
    const options = root.applyFilters
      ? (this.query.resources.get('') ?? EMPTY_OPTIONS)
      : EMPTY_OPTIONS;
    const main = this.node(
      '',
      source,
      this.query.select,
      null,
      {
        ...options,
        limit: root.limit,
        offset: root.offset,
      },
      false,
    );
    this.checkAllPathsUsed();
    const countSql = withCount
      ? `select count(*) from (${this.countSource(source, root)}) pgrst_count`
      : null;
    return { sql: main.sql, countSql, labels: main.labels };
  }

  /** The rows a count covers: filters (and filtering embeds) without order or paging. */
  countSource(source: RootSource, root: RootOptions): string {
    const options = root.applyFilters
      ? (this.query.resources.get('') ?? EMPTY_OPTIONS)
      : EMPTY_OPTIONS;
    return this.node(
      '',
      source,
      this.query.select,
      null,
      { ...options, limit: null, offset: null },
      true,
    ).sql;
  }

  private node(
    path: string,
    source: RootSource,
    items: SelectItem[],
    parent: JoinParent | null,
    options: ResourceOptions,
    countOnly: boolean,
  ): { sql: string; labels: string[] } {
    const alias = `t${this.aliasCounter++}`;
    const scope: Scope = {
      alias,
      relationName: source.relationName,
      columns: source.columns,
      embeds: new Map(),
    };
    const projections: Projection[] = [];
    const joins: string[] = [];
    const where: string[] = [];

    for (const item of items) {
      if (item.kind === 'embed') {
        const embed = this.embed(path, source, scope, item, countOnly);
        if (!embed) continue;
        joins.push(embed.join);
        projections.push(...embed.projections);
        if (item.inner) where.push(`${embed.body} is not null`);
        continue;
      }
      projections.push(...this.plainProjections(scope, item));
    }

    if (parent) where.push(joinCondition(parent, alias));
    for (const condition of options.conditions)
      where.push(conditionSql(condition, scope, this.params));

    const hasAggregate = projections.some((p) => p.aggregate);
    const groupBy = hasAggregate ? projections.filter((p) => !p.aggregate).map((p) => p.sql) : [];
    const select = countOnly
      ? '1'
      : projections.map((p) => `${p.sql} as ${ident(p.label)}`).join(', ');
    let sql = `select ${select || 'null'} from ${source.prefix ?? ''}${source.from} as ${ident(alias)}`;
    if (joins.length > 0) sql += ` ${joins.join(' ')}`;
    if (where.length > 0) sql += ` where ${where.join(' and ')}`;
    if (groupBy.length > 0) sql += ` group by ${groupBy.join(', ')}`;
    if (!countOnly) {
      const order = options.order.map((term) => this.orderSql(scope, term));
      if (order.length > 0) sql += ` order by ${order.join(', ')}`;
      if (options.limit !== null) sql += ` limit ${this.params.add(options.limit)}::bigint`;
      if (options.offset !== null && options.offset > 0)
        sql += ` offset ${this.params.add(options.offset)}::bigint`;
    }
    return { sql, labels: projections.map((p) => p.label) };
  }

  private plainProjections(scope: Scope, item: Exclude<SelectItem, EmbedItem>): Projection[] {
    if (item.kind === 'star') {
      return [...scope.columns.keys()].map((name) => ({
        sql: `${ident(scope.alias)}.${ident(name)}`,
        label: name,
        aggregate: false,
      }));
    }
    if (item.kind === 'count')
      return [{ sql: 'count(*)', label: item.alias ?? 'count', aggregate: true }];
    // `rel(count)` asks for the number of embedded rows, unless the table has a `count` column.
    if (
      item.field.name === 'count' &&
      item.field.json.length === 0 &&
      item.cast === null &&
      !scope.columns.has('count')
    ) {
      return [{ sql: 'count(*)', label: item.alias ?? 'count', aggregate: true }];
    }
    let sql = fieldSql(scope, item.field, this.params);
    if (item.cast !== null) sql = `(${sql})::${castSql(item.cast)}`;
    return [{ sql, label: item.alias ?? fieldLabel(item.field), aggregate: false }];
  }

  private embed(
    path: string,
    source: RootSource,
    scope: Scope,
    item: EmbedItem,
    countOnly: boolean,
  ): { join: string; projections: Projection[]; body: string } | null {
    if (!source.table) {
      throw new RestError(
        400,
        'PGRST200',
        `Could not find a relationship between '${source.relationName}' and '${item.name}' in the schema cache`,
      );
    }
    const relationship = resolveRelationship(this.cache, source.table, item.name, item.hint);
    const label = item.alias ?? item.name;
    const childPath = path === '' ? label : `${path}.${label}`;
    this.usedPaths.add(childPath);
    // A count only needs the embeds that filter parents (`!inner`, `rel=is.null`).
    if (countOnly && !item.inner && !this.filteredEmbeds(path).has(label)) return null;
    const toOne =
      relationship.cardinality === 'many-to-one' || relationship.cardinality === 'one-to-one';
    if (item.spread && !toOne) {
      throw new RestError(400, 'PGRST119', `A spread operation on '${item.name}' is not possible`, {
        details:
          "'" +
          source.relationName +
          "' and '" +
          item.name +
          "' do not form a many-to-one or one-to-one relationship",
      });
    }
    const target = relationship.target;
    const child = this.node(
      childPath,
      {
        from: qualified(target.schema, target.name),
        relationName: target.name,
        columns: target.columns,
        table: target,
      },
      item.select.length === 0 ? [] : item.select,
      { alias: scope.alias, relationship },
      this.query.resources.get(childPath) ?? EMPTY_OPTIONS,
      false,
    );
    const joinAlias = `j${this.aliasCounter++}`;
    const joinKind = item.inner ? 'inner join lateral' : 'left join lateral';
    if (item.spread) {
      const join = `${joinKind} (${child.sql}) as ${ident(joinAlias)} on true`;
      const body = `row(${child.labels.map((l) => `${ident(joinAlias)}.${ident(l)}`).join(', ')})`;
      scope.embeds?.set(label, body);
      return {
        join,
        projections: child.labels.map((l) => ({
          sql: `${ident(joinAlias)}.${ident(l)}`,
          label: l,
          aggregate: false,
        })),
        body,
      };
    }
    const aggregate = toOne ? 'row_to_json(pgrst_row)' : 'json_agg(pgrst_row)';
    const join = `left join lateral (select ${aggregate} as body from (${child.sql}) pgrst_row) as ${ident(joinAlias)} on true`;
    const body = `${ident(joinAlias)}.body`;
    scope.embeds?.set(label, body);
    const projection = toOne ? body : `coalesce(${body}, '[]'::json)`;
    return { join, projections: [{ sql: projection, label, aggregate: false }], body };
  }

  /** Names that the conditions of `path` reference directly (candidates for `rel=is.null`). */
  private filteredEmbeds(path: string): Set<string> {
    const names = new Set<string>();
    const visit = (condition: Condition): void => {
      if (condition.kind === 'logic') condition.children.forEach(visit);
      else if (condition.field.json.length === 0) names.add(condition.field.name);
    };
    (this.query.resources.get(path)?.conditions ?? []).forEach(visit);
    return names;
  }

  private orderSql(scope: Scope, term: OrderTerm): string {
    let expr: string;
    if (term.relation !== null) {
      const body = scope.embeds?.get(term.relation);
      if (body === undefined) {
        throw new RestError(
          400,
          'PGRST108',
          `'${term.relation}' is not an embedded resource in this request`,
          {
            hint: `Verify that '${term.relation}' is included in the 'select' query parameter.`,
          },
        );
      }
      // jsonb compares numbers numerically and strings lexically, close to the column's own order.
      expr = `(${body}::jsonb -> ${this.params.add(fieldLabel(term.field))}::text)`;
    } else {
      expr = fieldSql(scope, term.field, this.params);
    }
    let sql = `${expr} ${term.direction ?? 'asc'}`;
    if (term.nulls !== null) sql += ` nulls ${term.nulls}`;
    return sql;
  }

  private checkAllPathsUsed(): void {
    for (const [path, options] of this.query.resources) {
      if (this.usedPaths.has(path)) continue;
      const empty =
        options.conditions.length === 0 &&
        options.order.length === 0 &&
        options.limit === null &&
        options.offset === null;
      if (empty) continue;
      throw new RestError(
        400,
        'PGRST108',
        `'${path}' is not an embedded resource in this request`,
        {
          hint: `Verify that '${path}' is included in the 'select' query parameter.`,
        },
      );
    }
  }
}

/** Builds the SELECT of the top level and, when asked, its COUNT. */
export function buildRead(
  cache: SchemaCache,
  query: ParsedQuery,
  source: RootSource,
  root: RootOptions,
  params: Params,
  withCount: boolean,
): BuiltRead {
  return new ReadBuilder(cache, query, params).build(source, root, withCount);
}

/** Only the counted rows' query, with its own parameters (for `EXPLAIN` of `count=planned`). */
export function buildCountSource(
  cache: SchemaCache,
  query: ParsedQuery,
  source: RootSource,
  root: RootOptions,
  params: Params,
): string {
  return new ReadBuilder(cache, query, params).countSource(source, root);
}

/** The relation-shaped view of a table, for `RootSource`. */
export function tableSource(table: Table): RootSource {
  return {
    from: qualified(table.schema, table.name),
    relationName: table.name,
    columns: table.columns,
    table,
  };
}
