import * as RadixToast from '@radix-ui/react-toast';
import { clsx } from 'clsx';
import type { ToastEntry, ToastVariant } from './toast-types.ts';

const variantClass: Record<ToastVariant, string> = {
  info: 'border-border bg-bg',
  success: 'border-success bg-success-soft',
  error: 'border-danger bg-danger-soft',
};

export interface ToastViewportProps {
  toasts: ToastEntry[];
  label: string;
  /** Called once Radix has finished closing a toast (timer, swipe, Escape or close button). */
  onClosed: (id: string) => void;
}

/**
 * The Radix part of the toasts, loaded on the first toast so it stays out of the first page:
 * announced politely (errors assertively), paused on hover/focus, dismissible by swipe, Escape
 * or the close button, reachable with F8.
 */
export default function ToastViewport({ toasts, label, onClosed }: ToastViewportProps) {
  return (
    <RadixToast.Provider label={label}>
      {toasts.map(({ id, title, description, variant = 'info', duration }) => (
        <RadixToast.Root
          key={id}
          onOpenChange={(next) => {
            if (!next) onClosed(id);
          }}
          duration={duration ?? (variant === 'error' ? 8000 : 5000)}
          type={variant === 'error' ? 'foreground' : 'background'}
          data-testid="toast"
          data-variant={variant}
          className={clsx(
            'flex items-start gap-3 rounded-control border p-4 text-fg shadow-lg',
            'data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=end]:translate-x-full',
            variantClass[variant],
          )}
        >
          <div className="flex flex-1 flex-col gap-1">
            <RadixToast.Title className="text-sm font-semibold">{title}</RadixToast.Title>
            {description && (
              <RadixToast.Description className="text-sm">{description}</RadixToast.Description>
            )}
          </div>
          <RadixToast.Close
            aria-label="Dismiss"
            className="rounded-control p-1 text-muted-fg hover:bg-muted hover:text-fg"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 16 16"
              className="size-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <path d="M3 3l10 10M13 3L3 13" />
            </svg>
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
      <RadixToast.Viewport className="fixed right-0 bottom-0 z-[60] m-0 flex w-96 max-w-[100vw] list-none flex-col gap-2 p-4 outline-none" />
    </RadixToast.Provider>
  );
}
