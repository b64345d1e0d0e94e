export type ToastVariant = 'info' | 'success' | 'error';

export interface ToastOptions {
  title: string;
  description?: string;
  variant?: ToastVariant;
  /** Milliseconds before it closes itself; default 5000 (errors 8000). */
  duration?: number;
}

export interface ToastEntry extends ToastOptions {
  id: string;
}
