/** Fails fast with the name of the bad argument instead of supabase-js's later, vaguer error. */
export function assertSupabaseArgs(
  url: string,
  key: string,
  names: { url: string; key: string },
): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new TypeError(`${names.url} must be an http(s) URL, got ${JSON.stringify(url)}`);
  }
  if (typeof key !== 'string' || key.trim() === '') {
    throw new TypeError(`${names.key} must be a non-empty string`);
  }
}
