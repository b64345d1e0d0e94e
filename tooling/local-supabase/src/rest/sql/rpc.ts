// Calls to `/rpc/<fn>`: picks the overload whose parameter names match the arguments and
// binds the arguments as one JSON record so PostgreSQL converts each to its declared type.
import { RestError } from '../errors.ts';
import { qualifiedKey, type Routine, type SchemaCache } from '../schema-cache.ts';
import { ident, qualified, type Params } from './params.ts';

/** Every parameter name of the overloads of `schema.name` (GET args vs. filters). */
export function routineParamNames(cache: SchemaCache, schema: string, name: string): Set<string> {
  const names = new Set<string>();
  for (const routine of cache.routines.get(qualifiedKey(schema, name)) ?? []) {
    for (const param of routine.params) if (param.name !== '') names.add(param.name);
  }
  return names;
}

function takesWholeBody(routine: Routine): boolean {
  const [only] = routine.params;
  return (
    routine.params.length === 1 &&
    only !== undefined &&
    only.name === '' &&
    (only.type === 'json' || only.type === 'jsonb')
  );
}

/** Finds the overload for these argument names; 404 PGRST202 or 300 PGRST203 otherwise. */
export function resolveRoutine(
  cache: SchemaCache,
  schema: string,
  name: string,
  argNames: string[],
): Routine {
  const overloads = cache.routines.get(qualifiedKey(schema, name)) ?? [];
  const given = new Set(argNames);
  const matches = overloads.filter((routine) => {
    if (takesWholeBody(routine)) return true;
    const names = new Set(routine.params.map((p) => p.name));
    return (
      argNames.every((arg) => names.has(arg)) &&
      routine.params.every((p) => p.hasDefault || given.has(p.name))
    );
  });
  const exact = matches.filter((routine) => !takesWholeBody(routine));
  const chosen = exact.length > 0 ? exact : matches;
  const [only] = chosen;
  if (chosen.length === 1 && only) return only;
  const signature = `${schema}.${name}(${[...argNames].sort().join(', ')})`;
  if (chosen.length === 0) {
    throw new RestError(
      404,
      'PGRST202',
      `Could not find the function ${signature} in the schema cache`,
      {
        details: `Searched for the function ${signature}${
          argNames.length === 0
            ? ' without parameters'
            : ` with parameters ${[...argNames].sort().join(', ')}`
        } or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
      },
    );
  }
  throw new RestError(
    300,
    'PGRST203',
    `Could not choose the best candidate function between: ${chosen
      .map((r) => `${schema}.${name}(${r.params.map((p) => `${p.name} => ${p.type}`).join(', ')})`)
      .join(', ')}`,
    {
      hint: 'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
    },
  );
}

export interface RoutineCall {
  /** FROM item holding the bound arguments (`json_to_record(...) as pgrst_args(...)`), if any. */
  argsFrom: string | null;
  /** `"public"."fn"("a" => pgrst_args."a")` */
  call: string;
}

/** Builds the call of `routine` with `args` (JSON values from a body or strings from a query). */
export function routineCall(
  routine: Routine,
  args: Record<string, unknown>,
  wholeBody: unknown,
  params: Params,
): RoutineCall {
  const fn = qualified(routine.schema, routine.name);
  if (takesWholeBody(routine)) {
    return {
      argsFrom: null,
      call: `${fn}(${params.add(JSON.stringify(wholeBody ?? {}))}::${routine.params[0]?.type ?? 'json'})`,
    };
  }
  const used = routine.params.filter((p) => p.name in args);
  if (used.length === 0) return { argsFrom: null, call: `${fn}()` };
  const record = params.add(
    JSON.stringify(Object.fromEntries(used.map((p) => [p.name, args[p.name]]))),
  );
  const definition = used.map((p) => `${ident(p.name)} ${p.type}`).join(', ');
  return {
    argsFrom: `json_to_record(${record}::json) as pgrst_args(${definition})`,
    call: `${fn}(${used.map((p) => `${ident(p.name)} => pgrst_args.${ident(p.name)}`).join(', ')})`,
  };
}
