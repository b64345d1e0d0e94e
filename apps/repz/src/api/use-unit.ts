import type { WeightUnit } from '@alawein/repz-domain';
import { useProfile } from '@alawein/supabase-client';

/** The signed-in user's weight unit (profiles.preferred_units), kg until the profile has loaded. */
export function useUnit(): WeightUnit {
  return useProfile().data?.preferred_units ?? 'kg';
}
