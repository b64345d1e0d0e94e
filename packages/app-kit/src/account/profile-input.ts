import type { PreferredUnits, ProfileUpdate } from '@alawein/supabase-client';

/** public.profiles allows 1–80 characters after trimming (profiles_display_name_length). */
export const DISPLAY_NAME_MAX = 80;

export type ProfileInputResult =
  | { ok: true; value: Required<Pick<ProfileUpdate, 'display_name' | 'preferred_units'>> }
  | { ok: false; error: string };

/** Checks the form against the table's constraints before sending, so the user sees why at once. */
export function validateProfileInput(input: {
  displayName: string;
  units: PreferredUnits;
}): ProfileInputResult {
  const name = input.displayName.trim();
  if (name.length === 0) return { ok: false, error: 'Enter a display name.' };
  if (name.length > DISPLAY_NAME_MAX)
    return { ok: false, error: `Use at most ${DISPLAY_NAME_MAX} characters.` };
  return { ok: true, value: { display_name: name, preferred_units: input.units } };
}
