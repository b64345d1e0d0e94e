// Entry point for server and edge code (Deno functions, Node scripts): the typed client factory
// and types, without React or the browser-only parts.
export { createServerClient } from './client/server-client.ts';
export type { TypedSupabaseClient } from './client/types.ts';
export type { Database, Json, Tables, TablesInsert, TablesUpdate } from './database.types.ts';
