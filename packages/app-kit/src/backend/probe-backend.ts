/** The backend could not be reached at all (connection refused, DNS, timeout, CORS) — not an HTTP error. */
export class BackendUnreachableError extends Error {
  override name = 'BackendUnreachableError';
  constructor(
    readonly url: string,
    options?: ErrorOptions,
  ) {
    super(`Backend not reachable at ${url}`, options);
  }
}

/**
 * Resolves when the auth service at `supabaseUrl` answers, whatever the status (a 5xx still means
 * the server is up, and the page that needs it reports that error itself). Rejects with
 * BackendUnreachableError when the request fails at the network level or takes longer than `timeoutMs`.
 */
export async function probeBackend(
  supabaseUrl: string,
  anonKey: string,
  timeoutMs = 8000,
): Promise<void> {
  try {
    await fetch(`${supabaseUrl}/auth/v1/health`, {
      headers: { apikey: anonKey },
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new BackendUnreachableError(supabaseUrl, { cause: error });
  }
}
