import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { ToastEntry, ToastOptions } from './toast-types.ts';

export type { ToastOptions, ToastVariant } from './toast-types.ts';

export interface ToastApi {
  /** Shows a toast and returns its id. */
  toast: (options: ToastOptions) => string;
  /** Closes a toast early. */
  dismiss: (id: string) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

// Radix Toast is fetched with the first toast, not with the first page.
const ToastViewport = lazy(() => import('./ToastViewport.tsx'));

export interface ToastProviderProps {
  children: ReactNode;
  /** Name of the notifications region (Radix reads it with the F8 hint). */
  label?: string;
}

/** Holds the app's toasts; wrap the app once. Radix renders them (see ToastViewport). */
export function ToastProvider({ children, label = 'Notifications' }: ToastProviderProps) {
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const [used, setUsed] = useState(false);
  const counter = useRef(0);

  const dismiss = useCallback((id: string) => {
    setToasts((list) => list.filter((entry) => entry.id !== id));
  }, []);

  const toast = useCallback((options: ToastOptions) => {
    counter.current += 1;
    const id = `toast-${counter.current}`;
    setUsed(true);
    setToasts((list) => [...list, { ...options, id }]);
    return id;
  }, []);

  const api = useMemo<ToastApi>(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext value={api}>
      {children}
      {used && (
        <Suspense fallback={null}>
          <ToastViewport toasts={toasts} label={label} onClosed={dismiss} />
        </Suspense>
      )}
    </ToastContext>
  );
}

/** `const { toast } = useToast(); toast({ title: 'Saved', variant: 'success' })`. Needs ToastProvider. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>.');
  return api;
}
