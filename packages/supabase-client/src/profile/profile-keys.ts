import { createQueryKeys } from '../query/query-keys.ts';

export const profileKeys = createQueryKeys('profiles');
