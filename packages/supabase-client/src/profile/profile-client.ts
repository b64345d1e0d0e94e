import type { SupabaseClient } from '@supabase/supabase-js';
import type { TypedSupabaseClient } from '../client/types.ts';
import type { PreferredUnits, Profile, ProfilesDatabase } from './profile.types.ts';

/**
 * The app's client viewed with public.profiles in its types. A type-level view only (same object):
 * needed while database.types.ts has no tables; a no-op once it is regenerated.
 */
export const asProfilesClient = (client: TypedSupabaseClient) =>
  client as unknown as SupabaseClient<ProfilesDatabase>;

const isPreferredUnits = (value: unknown): value is PreferredUnits => value === 'kg' || value === 'lb';

/** Narrows a row; the check constraint makes another unit impossible, so one is a schema drift bug. */
export function toProfile<Row extends { preferred_units: string }>(row: Row): Omit<Row, 'preferred_units'> & Pick<Profile, 'preferred_units'> {
  if (!isPreferredUnits(row.preferred_units)) {
    throw new Error(`profiles.preferred_units has unexpected value ${JSON.stringify(row.preferred_units)}`);
  }
  return { ...row, preferred_units: row.preferred_units };
}
