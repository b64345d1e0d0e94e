import { createQueryKeys } from '@alawein/supabase-client';

export const workoutKeys = createQueryKeys('repz-workouts');
export const statsKeys = createQueryKeys('repz-stats');
export const progressKeys = createQueryKeys('repz-progress');
export const exerciseKeys = createQueryKeys('repz-exercises');
export const bodyKeys = createQueryKeys('repz-body');
export const coachKeys = createQueryKeys('repz-coach');
export const partnerNameKeys = createQueryKeys('repz-partner-names');
export const messageKeys = createQueryKeys('repz-messages');
export const photoKeys = createQueryKeys('repz-photos');
