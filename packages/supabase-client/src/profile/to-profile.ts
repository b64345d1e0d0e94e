import type { PreferredUnits, Profile } from './profile.types.ts';

const isPreferredUnits = (value: unknown): value is PreferredUnits =>
  value === 'kg' || value === 'lb';

/** Narrows a row; the check constraint makes another unit impossible, so one means schema drift. */
export function toProfile(
  row: Omit<Profile, 'preferred_units'> & { preferred_units: string },
): Profile {
  if (!isPreferredUnits(row.preferred_units)) {
    throw new Error(
      `profiles.preferred_units has unexpected value ${JSON.stringify(row.preferred_units)}`,
    );
  }
  return { ...row, preferred_units: row.preferred_units };
}
