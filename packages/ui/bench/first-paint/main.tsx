// What an app's first page renders from @alawein/ui: the shell, a form, a fallback, a spinner,
// and the toast provider (whose Radix part must load only with the first toast).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  AppShell,
  AuthForm,
  Button,
  ErrorFallback,
  Spinner,
  ToastProvider,
  useToast,
} from '../../src/index.ts';
import './styles.css';

function Notify() {
  const { toast } = useToast();
  return <Button onClick={() => toast({ title: 'Saved', variant: 'success' })}>Notify</Button>;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ToastProvider>
        <AppShell
          productName="Fixture"
          nav={[{ href: '/', label: 'Home', end: true }]}
          user={{ email: 'ada@example.com' }}
          userMenuItems={[{ href: '/account', label: 'Account' }]}
          onSignOut={() => Promise.resolve()}
        >
          <AuthForm mode="sign-up" onSubmit={() => Promise.resolve()} />
          <ErrorFallback error={new Error('fixture')} onRetry={() => {}} />
          <Spinner label="Loading fixture" />
          <Button variant="secondary">Secondary</Button>
          <p className="mt-4 text-success">fixture-own-class</p>
          <Notify />
        </AppShell>
      </ToastProvider>
    </StrictMode>,
  );
}
