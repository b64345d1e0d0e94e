/** The backend could not be reached at all (connection refused, DNS, timeout) — not an HTTP error. */
export class BackendUnreachableError extends Error {
  override name = 'BackendUnreachableError';
  constructor(readonly url: string, options?: ErrorOptions) {
    super(`Backend not reachable at ${url}`, options);
  }
}

/**
 * Resolves when anything answers at `supabaseUrl`, whatever the status: an opaque `no-cors` response
 * is enough to know the server is up, and it needs no API key or CORS headers. Rejects with
 * BackendUnreachableError when the request fails at the network level or takes longer than `timeoutMs`.
 */
export async function probeBackend(supabaseUrl: string, timeoutMs = 8000): Promise<void> {
  try {
    await fetch(`${supabaseUrl}/auth/v1/health`, {
      mode: 'no-cors',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new BackendUnreachableError(supabaseUrl, { cause: error });
  }
}
