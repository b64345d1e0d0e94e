type Fetch = typeof fetch;

/**
 * A fetch that sends the project key and, as bearer, the signed-in user's access token (the key
 * when signed out): what PostgREST and RLS expect, the way supabase-js's own fetch does it.
 */
export function authorizedFetch(
  key: string,
  accessToken: () => Promise<string | null>,
  baseFetch: Fetch = (...args) => fetch(...args),
): Fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (!headers.has('apikey')) headers.set('apikey', key);
    if (!headers.has('Authorization'))
      headers.set('Authorization', `Bearer ${(await accessToken()) ?? key}`);
    return baseFetch(input, { ...init, headers });
  };
}
