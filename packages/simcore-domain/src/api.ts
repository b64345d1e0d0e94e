// simcore-api's request and response shapes, in one place: the function validates with them and
// the app (apps/simcore) takes its types from them, so both sides agree on every field.
import { z } from 'zod';

/** Statuses of a run, as the database's simcore_run_status enum. */
export const RUN_STATUSES = [
  'queued',
  'running',
  'paused',
  'completed',
  'failed',
  'stopped',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A result's JSON (summary + series) may be at most this many bytes; larger ones are refused. */
export const MAX_RESULT_BYTES = 900_000;
/** Series columns per result and points per column. */
export const MAX_SERIES_COLUMNS = 32;
export const MAX_SERIES_POINTS = 20_000;

const finite = z.number({ error: 'must be a number' }).finite({ error: 'must be finite' });

export const runIdSchema = z.uuid({ error: 'run id must be a UUID' });

export const createRunSchema = z.strictObject({
  module: z.string({ error: 'module is required' }).regex(/^[a-z][a-z0-9-]{1,39}$/, {
    error: 'module must be a module id such as ising',
  }),
  title: z
    .string({ error: 'title is required' })
    .trim()
    .min(1, { error: 'title must not be empty' })
    .max(120, { error: 'title must be at most 120 characters' }),
  params: z.record(z.string(), z.unknown(), { error: 'params must be an object' }),
});
export type CreateRunInput = z.input<typeof createRunSchema>;

export const seriesSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { error: 'series names are identifiers' }),
    z.array(finite).max(MAX_SERIES_POINTS, {
      error: `a series column has at most ${MAX_SERIES_POINTS} points`,
    }),
  )
  .refine((series) => Object.keys(series).length <= MAX_SERIES_COLUMNS, {
    error: `at most ${MAX_SERIES_COLUMNS} series columns`,
  });

export const summarySchema = z.record(z.string(), finite);

export const completeRunSchema = z.strictObject({
  summary: summarySchema,
  series: seriesSchema,
  computeMs: z.number().int().min(0).max(86_400_000),
});
export type CompleteRunInput = z.input<typeof completeRunSchema>;

export const stopRunSchema = z.strictObject({
  progress: z.number().min(0).max(1),
  computeMs: z.number().int().min(0).max(86_400_000),
  /** Set when the run failed rather than being stopped by its user. */
  error: z.string().trim().min(1).max(500).optional(),
});
export type StopRunInput = z.input<typeof stopRunSchema>;

export const listRunsQuerySchema = z.strictObject({
  module: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, { error: 'module must be a module id' })
    .optional(),
  status: z
    .enum(RUN_STATUSES, { error: `status must be one of ${RUN_STATUSES.join(', ')}` })
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListRunsQuery = z.input<typeof listRunsQuerySchema>;

export const shareSchema = z.strictObject({ shared: z.boolean().default(true) });

/** A run as every endpoint answers with it (list items carry no series). */
export const runSchema = z.object({
  id: z.string(),
  module: z.string(),
  title: z.string(),
  params: z.record(z.string(), z.unknown()),
  status: z.enum(RUN_STATUSES),
  progress: z.number(),
  seed: z.number().nullable(),
  engineVersion: z.string(),
  computeMs: z.number().nullable(),
  errorMessage: z.string().nullable(),
  shared: z.boolean().optional(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  summary: summarySchema.nullable(),
  sizeBytes: z.number(),
  series: seriesSchema.nullable().optional(),
});
export type Run = z.output<typeof runSchema>;

export const runPageSchema = z.object({ items: z.array(runSchema), total: z.number() });
export type RunPage = z.output<typeof runPageSchema>;

export const shareLinkSchema = z.object({
  token: z.string().nullable(),
  path: z.string().nullable(),
});
export type ShareLink = z.output<typeof shareLinkSchema>;

/** A shared run as anyone with its link sees it, and whether a server re-run reproduced it. */
export const sharedRunSchema = runSchema.extend({
  verification: z.object({ reproduced: z.boolean(), mismatches: z.array(z.string()) }).nullable(),
});
export type SharedRun = z.output<typeof sharedRunSchema>;

export const statsSchema = z.object({
  modules: z.array(
    z.object({
      module: z.string(),
      runs: z.number(),
      completed: z.number(),
      computeMs: z.number(),
    }),
  ),
  runs: z.number(),
  computeMs: z.number(),
  storageBytes: z.number(),
  quota: z.object({ runs: z.number(), storageBytes: z.number() }),
});
export type Stats = z.output<typeof statsSchema>;
