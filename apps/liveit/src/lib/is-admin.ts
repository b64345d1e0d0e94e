import type { User } from '@supabase/supabase-js';

/** Shop admins carry `app_metadata.role = 'admin'` (what the database's is_admin() reads). */
export function isAdmin(user: User | null | undefined): boolean {
  return user?.app_metadata.role === 'admin';
}
