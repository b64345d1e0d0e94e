import type { Tables } from '../database.types.ts';

export type PreferredUnits = 'kg' | 'lb';

/** A public.profiles row; `preferred_units` narrowed to what the table's check constraint allows. */
export type Profile = Omit<Tables<'profiles'>, 'preferred_units'> & {
  preferred_units: PreferredUnits;
};

/** The columns a user may change (the table grants update on these only). */
export type ProfileUpdate = Partial<
  Pick<Profile, 'display_name' | 'avatar_path' | 'preferred_units'>
>;

export const PROFILE_COLUMNS =
  'id, display_name, avatar_path, preferred_units, created_at, updated_at';
