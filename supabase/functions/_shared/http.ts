// Request-body reading with the limits and messages every function shares.
import { ApiError } from './errors.ts';

/** Request bodies larger than this are refused before parsing. */
export const MAX_JSON_BYTES = 1_000_000;

/** Reads a JSON body: 415 unless JSON, 413 when too large, 400 when malformed. */
export async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'send the body as application/json');
  }
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_JSON_BYTES) throw tooLarge();
  const text = await req.text();
  if (new TextEncoder().encode(text).byteLength > MAX_JSON_BYTES) throw tooLarge();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'the body is not valid JSON');
  }
}

function tooLarge(): ApiError {
  return new ApiError(413, 'payload_too_large', `the body must be at most ${MAX_JSON_BYTES} bytes`);
}
