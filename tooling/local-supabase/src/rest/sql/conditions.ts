// Turns parsed filters and logic trees into a WHERE fragment. Column names come from the
// schema cache; every value is a bound parameter.
import { RestError, unknownColumn } from '../errors.ts';
import { BINARY_OPERATORS, FTS_OPERATORS, type Condition, type Filter } from '../parse/filter.ts';
import type { Field } from '../parse/field.ts';
import type { Column } from '../schema-cache.ts';
import { ident, type Params } from './params.ts';

/** What a condition may reference: the columns of one relation under one SQL alias. */
export interface Scope {
  alias: string;
  /** Relation name used in error messages (`column todos.x does not exist`). */
  relationName: string;
  columns: Map<string, Column>;
  /** Embedded resources of this level, by label, to the SQL of their JSON body. */
  embeds?: Map<string, string>;
}

/** `"t0"."data"->'a'->>'b'` for a field, after checking the column exists. */
export function fieldSql(scope: Scope, field: Field, params: Params): string {
  if (!scope.columns.has(field.name)) throw unknownColumn(scope.relationName, field.name);
  let sql = `${ident(scope.alias)}.${ident(field.name)}`;
  for (const step of field.json) {
    // Integer keys index JSON arrays, as in PostgREST.
    const key = /^-?\d+$/.test(step.key)
      ? `${params.add(step.key)}::int`
      : `${params.add(step.key)}::text`;
    sql = `(${sql}${step.arrow}${key})`;
  }
  return sql;
}

/** Builds the SQL of one condition (recursively for `and`/`or` trees). */
export function conditionSql(condition: Condition, scope: Scope, params: Params): string {
  if (condition.kind === 'logic') {
    const joiner = condition.operator === 'and' ? ' and ' : ' or ';
    const body = `(${condition.children.map((child) => conditionSql(child, scope, params)).join(joiner)})`;
    return condition.negate ? `not ${body}` : body;
  }
  const sql = filterSql(condition, scope, params);
  return condition.negate ? `not (${sql})` : sql;
}

function filterSql(filter: Filter, scope: Scope, params: Params): string {
  // `rel=is.null` / `rel=not.is.null` test whether an embedded resource matched.
  const embedBody =
    filter.field.json.length === 0 ? scope.embeds?.get(filter.field.name) : undefined;
  if (embedBody !== undefined && !scope.columns.has(filter.field.name)) {
    if (filter.op !== 'is' || (filter.value !== 'null' && filter.value !== 'not_null')) {
      throw new RestError(
        400,
        'PGRST100',
        `failed to parse filter (${filter.op}.${filter.value})`,
        {
          details: `an embedded resource can only be filtered with is.null or not.is.null`,
        },
      );
    }
    return `${embedBody} is ${filter.value === 'null' ? '' : 'not '}null`;
  }

  const lhs = fieldSql(scope, filter.field, params);
  if (filter.op === 'is') {
    switch (filter.value) {
      case 'null':
        return `${lhs} is null`;
      case 'not_null':
        return `${lhs} is not null`;
      case 'true':
        return `${lhs} is true`;
      case 'false':
        return `${lhs} is false`;
      default:
        return `${lhs} is unknown`;
    }
  }
  if (filter.op === 'in') return `${lhs} = any(${params.add(filter.list ?? [])})`;

  const tsQuery = FTS_OPERATORS[filter.op];
  if (tsQuery !== undefined) {
    const config = filter.language === null ? '' : `${params.add(filter.language)}::regconfig, `;
    const column =
      filter.field.json.length === 0 ? scope.columns.get(filter.field.name) : undefined;
    const vector = column?.type === 'tsvector' ? lhs : `to_tsvector(${config}${lhs})`;
    return `${vector} @@ ${tsQuery}(${config}${params.add(filter.value)})`;
  }

  const operator = BINARY_OPERATORS[filter.op] ?? '=';
  const isPattern = filter.op === 'like' || filter.op === 'ilike';
  // PostgREST accepts `*` as the LIKE wildcard because `%` is awkward in URLs.
  const toPattern = (value: string): string => (isPattern ? value.replaceAll('*', '%') : value);
  if (filter.quantifier !== null) {
    return `${lhs} ${operator} ${filter.quantifier}(${params.add((filter.list ?? []).map(toPattern))})`;
  }
  return `${lhs} ${operator} ${params.add(toPattern(filter.value))}`;
}
