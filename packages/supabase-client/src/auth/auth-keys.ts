import { createQueryKeys } from '../query/query-keys.ts';

const keys = createQueryKeys('auth');

/** Cache keys owned by the auth hooks. The session entry is kept in sync by SupabaseProvider. */
export const authKeys = {
  all: keys.all,
  session: () => keys.detail('session'),
};
