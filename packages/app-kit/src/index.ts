// Public surface of @alawein/app-kit: what the four apps share. Env validation and the Vite config
// are separate entry points (`@alawein/app-kit/env`, `@alawein/app-kit/vite`) so Node can load them.
export { startApp } from './start-app.tsx';
export type { AppConfig, AppRoute, StartAppOptions } from './config/app-config.ts';
export { useApp, usePageTitle } from './config/app-context.tsx';
export { AppProviders, type AppProvidersProps } from './app-providers.tsx';
export { AppRoutes, lazyRoutes, type LazyAppRoute } from './router.tsx';
export { paths } from './paths.ts';
export { LinkButton, Page, Section } from './layout/page.tsx';
export { QueryState } from './query/query-state.tsx';
export { RequireAuth, type ReturnToState } from './auth/require-auth.tsx';
export { useAuthState, type AuthState } from './auth/auth-state.ts';
export { ProductHome, type ProductHomeProps } from './home/product-home.tsx';
export { AppErrorBoundary } from './errors/app-error-boundary.tsx';
export { BackendGate } from './backend/backend-gate.tsx';
export { BackendUnreachableError, probeBackend } from './backend/probe-backend.ts';
export { captureError } from './observability/sentry.ts';
export { EnvValidationError, type AppEnv } from './env/app-env.ts';
