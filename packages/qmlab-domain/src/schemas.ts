// Request and response schemas shared by the QMLab app and qmlab-api, so both reject the same
// input with the same message and the app reads responses through the same types the API
// writes. Ranges mirror the constraints of public.qmlab_circuits and public.qmlab_runs.
import { z } from 'zod';

export const LIMITS = {
  titleLength: 120,
  descriptionLength: 2000,
  /** Bytes of OpenQASM text a circuit may hold (the table's check constraint). */
  qasmBytes: 100_000,
  /** Wires the builder offers; the browser worker simulates them all. */
  builderQubits: 24,
  /** What qmlab-api simulates: 2^20 amplitudes (16 MiB) answer in well under a second. */
  serverQubits: 20,
  serverOperations: 2000,
  shots: { min: 1, max: 100_000 },
  /** Basis states kept in a run's `top_probabilities`. */
  topStates: 32,
  pageSize: 100,
} as const;

export const VISIBILITIES = ['private', 'unlisted', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const RAN_IN = ['browser', 'server'] as const;
export type RanIn = (typeof RAN_IN)[number];

/** UTF-8 size of a string (what the database's octet_length counts). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

const qasmSchema = z
  .string()
  .min(1, 'qasm is required')
  .refine((text) => utf8Bytes(text) <= LIMITS.qasmBytes, {
    message: `qasm must be at most ${LIMITS.qasmBytes} bytes`,
  });

/** A circuit to save: QASM text (parsed server-side), with a title and who may see it. */
export const circuitInputSchema = z.strictObject({
  title: z.string().trim().min(1, 'title is required').max(LIMITS.titleLength),
  description: z.string().max(LIMITS.descriptionLength).default(''),
  qasm: qasmSchema,
  visibility: z.enum(VISIBILITIES).default('private'),
});
export type CircuitInput = z.input<typeof circuitInputSchema>;

/** A change to a saved circuit: any of its fields. */
export const circuitPatchSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'title is required').max(LIMITS.titleLength),
    description: z.string().max(LIMITS.descriptionLength),
    qasm: qasmSchema,
    visibility: z.enum(VISIBILITIES),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type CircuitPatch = z.input<typeof circuitPatchSchema>;

export const circuitListQuerySchema = z.object({
  search: z.string().trim().max(LIMITS.titleLength).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CircuitListQuery = z.input<typeof circuitListQuerySchema>;

/** A simulation on the server: the QASM (or a saved circuit's), shots and an optional seed. */
export const runInputSchema = z
  .strictObject({
    circuit_id: z.uuid({ message: 'circuit_id must be a UUID' }).optional(),
    qasm: qasmSchema.optional(),
    shots: z.int().min(LIMITS.shots.min).max(LIMITS.shots.max).default(1024),
    seed: z
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
  })
  .refine((run) => run.qasm !== undefined || run.circuit_id !== undefined, {
    message: 'send qasm, circuit_id or both',
    path: ['qasm'],
  });
export type RunInput = z.input<typeof runInputSchema>;

/** A run the app computed in its worker, recorded against a saved circuit. */
export const browserRunInputSchema = z.strictObject({
  shots: z.int().min(LIMITS.shots.min).max(LIMITS.shots.max),
  counts: z.record(z.string().regex(/^[01]{1,30}$/), z.int().min(0)),
  top_probabilities: z
    .array(z.strictObject({ state: z.string().regex(/^[01]{1,30}$/), probability: z.number() }))
    .max(LIMITS.topStates),
  duration_ms: z.number().min(0).max(86_400_000),
  engine_version: z.string().min(1).max(40),
});
export type BrowserRunInput = z.input<typeof browserRunInputSchema>;

export const stateProbabilitySchema = z.object({
  state: z.string(),
  probability: z.number(),
});
export type StateProbability = z.infer<typeof stateProbabilitySchema>;

export const circuitSchema = z.object({
  id: z.uuid(),
  owner_id: z.uuid(),
  title: z.string(),
  description: z.string(),
  qasm: z.string(),
  num_qubits: z.number(),
  gate_count: z.number(),
  visibility: z.enum(VISIBILITIES),
  share_token: z.string(),
  forked_from: z.uuid().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type SavedCircuit = z.infer<typeof circuitSchema>;

export const circuitPageSchema = z.object({
  items: z.array(circuitSchema),
  total: z.number(),
});
export type CircuitPage = z.infer<typeof circuitPageSchema>;

export const sharedCircuitSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  qasm: z.string(),
  num_qubits: z.number(),
  gate_count: z.number(),
  visibility: z.enum(VISIBILITIES),
  owner_name: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type SharedCircuit = z.infer<typeof sharedCircuitSchema>;

export const runSchema = z.object({
  id: z.uuid(),
  circuit_id: z.uuid(),
  shots: z.number(),
  counts: z.record(z.string(), z.number()),
  top_probabilities: z.array(stateProbabilitySchema),
  duration_ms: z.number(),
  engine_version: z.string(),
  ran_in: z.enum(RAN_IN),
  created_at: z.string(),
});
export type SavedRun = z.infer<typeof runSchema>;

/** A circuit's run history, newest first. */
export const runListSchema = z.object({ items: z.array(runSchema) });

/** What POST /run answers: the sampled counts and the most likely states, computed server-side. */
export const runResultSchema = z.object({
  num_qubits: z.number(),
  gate_count: z.number(),
  shots: z.number(),
  counts: z.record(z.string(), z.number()),
  top_probabilities: z.array(stateProbabilitySchema),
  /** Basis states with nonzero probability (the top list may show fewer). */
  nonzero_states: z.number(),
  duration_ms: z.number(),
  engine_version: z.string(),
  /** The recorded run, when the request named a saved circuit. */
  run: runSchema.nullable(),
});
export type RunResult = z.infer<typeof runResultSchema>;
