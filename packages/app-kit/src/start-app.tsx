import { lazy, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { createBrowserClient, createQueryClient } from '@alawein/supabase-client';
import { AppProviders } from './app-providers.tsx';
import type { StartAppOptions } from './config/app-config.ts';
import { ConfigErrorScreen } from './config/config-error-screen.tsx';
import { EnvValidationError } from './env/app-env.ts';
import { initSentryLazily } from './observability/sentry.ts';
import { reportWebVitalsInProduction } from './observability/web-vitals.ts';
import { paths } from './paths.ts';
import { AppRoutes, lazyRoutes } from './router.tsx';

/**
 * Boots an app into `#root`: validates its env (showing the problem instead of a blank page), starts
 * Sentry and Web Vitals after first paint, and renders the shared providers and routes.
 */
export function startApp(
  { readEnv, ...config }: StartAppOptions,
  container = document.getElementById('root'),
): void {
  if (!container) throw new Error('startApp: no #root element in index.html');
  const root = createRoot(container);
  let env;
  try {
    env = readEnv();
  } catch (error) {
    if (!(error instanceof EnvValidationError)) throw error;
    console.error(error.message);
    root.render(<ConfigErrorScreen error={error} />);
    return;
  }

  initSentryLazily(env, config.id);
  reportWebVitalsInProduction(env, config.id);
  if (env.usesLocalStack) {
    // The logger is not needed to paint, so it loads as its own chunk.
    void import('./observability/logger.ts').then(({ createAppLogger }) =>
      createAppLogger(config.id, env).info('using the local Supabase stack', {
        supabaseUrl: env.supabaseUrl,
      }),
    );
  }

  const supabase = createBrowserClient(env);
  const queryClient = createQueryClient();
  // On the home page, start importing it now (its chunk is modulepreloaded): by the first render it
  // has usually arrived, so React shows it at once instead of a spinner and a second render.
  const homeNow = window.location.pathname === paths.home ? config.home() : undefined;
  const HomePage = lazy(() => homeNow ?? config.home());
  const routes = lazyRoutes(config.routes);
  root.render(
    <StrictMode>
      <AppProviders config={config} env={env} queryClient={queryClient} supabase={supabase}>
        <BrowserRouter>
          <AppRoutes home={HomePage} routes={routes} />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  );
}
