import type { Database } from '../database.types.ts';

export type PreferredUnits = 'kg' | 'lb';

/**
 * public.profiles as in supabase/migrations/20250101000100_profiles.sql. Used only while
 * database.types.ts is generated from an empty schema; once `pnpm db:types` has run against the
 * real schema, the generated table below takes over and this fallback is unused.
 */
interface ProfilesTableFallback {
  Row: {
    id: string;
    display_name: string;
    avatar_path: string | null;
    preferred_units: string;
    created_at: string;
    updated_at: string;
  };
  Insert: {
    id: string;
    display_name: string;
    avatar_path?: string | null;
    preferred_units?: string;
    created_at?: string;
    updated_at?: string;
  };
  Update: {
    id?: string;
    display_name?: string;
    avatar_path?: string | null;
    preferred_units?: string;
    created_at?: string;
    updated_at?: string;
  };
  Relationships: [];
}

type PublicSchema = Database['public'];
type ProfilesTable = PublicSchema['Tables'] extends { profiles: infer Table } ? Table : ProfilesTableFallback;

/** `Database`, guaranteed to contain public.profiles (identical to `Database` once regenerated). */
export type ProfilesDatabase = Omit<Database, 'public'> & {
  public: Omit<PublicSchema, 'Tables'> & {
    Tables: Omit<PublicSchema['Tables'], 'profiles'> & { profiles: ProfilesTable };
  };
};

type ProfileRow = ProfilesTable extends { Row: infer Row } ? Row : never;

/** A profile row; `preferred_units` narrowed to what the table's check constraint allows. */
export type Profile = Omit<ProfileRow, 'preferred_units'> & { preferred_units: PreferredUnits };

/** The columns a user may change (the table grants update on these only). */
export type ProfileUpdate = Partial<Pick<Profile, 'display_name' | 'avatar_path' | 'preferred_units'>>;

export const PROFILE_COLUMNS = 'id, display_name, avatar_path, preferred_units, created_at, updated_at';
