export { createBrowserClient } from './client/browser-client.ts';
export type {
  AppSupabaseClient,
  BrowserClientOptions,
  SupabaseEnv,
  TypedSupabaseClient,
} from './client/types.ts';
export type {
  Database,
  Json,
  Tables,
  TablesInsert,
  TablesUpdate,
  Enums,
} from './database.types.ts';
export { SupabaseRequestError, unwrap } from './errors.ts';

export {
  createQueryClient,
  DEFAULT_GC_TIME_MS,
  DEFAULT_STALE_TIME_MS,
  type CreateQueryClientOptions,
} from './query/query-client.ts';
export {
  createRetryPolicy,
  isRetryableError,
  type RetryPolicy,
  type RetryPolicyOptions,
} from './query/retry-policy.ts';
export {
  getErrorStatus,
  getRetryAfterMs,
  isNetworkError,
  parseRetryAfter,
} from './query/error-status.ts';
export { createQueryKeys, type QueryKeys } from './query/query-keys.ts';

export { ApiError, type ApiErrorBody, type ApiErrorOptions } from './functions/api-error.ts';
export {
  callFunction,
  functionPath,
  type CallArgs,
  type Endpoint,
  type EndpointResponse,
  type FunctionsInvoker,
  type FunctionsSource,
  type HttpMethod,
} from './functions/call-function.ts';

export { SupabaseProvider, type SupabaseProviderProps } from './provider/supabase-provider.tsx';
export { useSupabase } from './provider/supabase-context.ts';

export { authKeys } from './auth/auth-keys.ts';
export { fetchSession, useSession } from './auth/use-session.ts';
export { useUser } from './auth/use-user.ts';
export { useSignIn, type SignInVariables } from './auth/use-sign-in.ts';
export { useSignUp, type SignUpResult, type SignUpVariables } from './auth/use-sign-up.ts';
export { useSignOut, type SignOutVariables } from './auth/use-sign-out.ts';

export { profileKeys } from './profile/profile-keys.ts';
export { fetchProfile, useProfile } from './profile/use-profile.ts';
export { updateProfile, useUpdateProfile } from './profile/use-update-profile.ts';
export type { PreferredUnits, Profile, ProfileUpdate } from './profile/profile.types.ts';
