// @alawein/app-kit/env: what each app's src/env.ts and the Vite config use.
export {
  APP_ENVIRONMENTS,
  EnvValidationError,
  LOCAL_SUPABASE_ANON_KEY,
  LOCAL_SUPABASE_URL,
  builtAppEnv,
  type AppEnv,
  type AppEnvironment,
  type ParseAppEnvOptions,
  type RawEnv,
} from './app-env.ts';
export { parseAppEnv } from './parse-app-env.ts';
