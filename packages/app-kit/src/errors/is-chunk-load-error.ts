const CHUNK_LOAD_MESSAGES = [
  'Failed to fetch dynamically imported module', // Chromium
  'error loading dynamically imported module', // Firefox
  'Importing a module script failed', // Safari
];

/**
 * A lazily loaded route failed to download (offline, or a new deploy replaced the chunk).
 * React.lazy caches that failure, so only a page reload can retry it.
 */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_LOAD_MESSAGES.some((text) => error.message.includes(text));
}
