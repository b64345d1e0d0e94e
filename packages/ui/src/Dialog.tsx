import * as RadixDialog from '@radix-ui/react-dialog';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { Button } from './Button.tsx';

export interface DialogProps {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  defaultOpen?: boolean;
  /** Element that opens the dialog (rendered as-is, e.g. a Button). */
  trigger?: ReactNode;
  /** Accessible name, shown as the heading. */
  title: ReactNode;
  /** Accessible description, shown under the title. */
  description?: ReactNode;
  /** Actions row at the bottom, e.g. Cancel (wrapped in DialogClose) and Confirm buttons. */
  footer?: ReactNode;
  children?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

const widths = { sm: 'max-w-sm', md: 'max-w-lg', lg: 'max-w-2xl' } as const;

/**
 * Modal dialog on Radix: focus trapped and restored to the trigger, Escape and overlay click
 * close it, the rest of the page is inert and hidden from screen readers while it is open.
 */
export function Dialog({
  open,
  onOpenChange,
  defaultOpen,
  trigger,
  title,
  description,
  footer,
  children,
  size = 'md',
  className,
}: DialogProps) {
  return (
    <RadixDialog.Root
      {...(open !== undefined ? { open } : {})}
      {...(onOpenChange ? { onOpenChange } : {})}
      {...(defaultOpen !== undefined ? { defaultOpen } : {})}
    >
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-overlay" />
        <RadixDialog.Content
          data-testid="dialog"
          {...(description ? {} : { 'aria-describedby': undefined })}
          className={clsx(
            'fixed top-1/2 left-1/2 z-50 flex max-h-[85dvh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col gap-4',
            'overflow-y-auto rounded-control border border-border bg-bg p-6 text-fg shadow-xl',
            widths[size],
            className,
          )}
        >
          <div className="flex items-start justify-between gap-4">
            <div className="flex flex-col gap-1">
              <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
              {description && (
                <RadixDialog.Description className="text-sm text-muted-fg">
                  {description}
                </RadixDialog.Description>
              )}
            </div>
            <RadixDialog.Close
              aria-label="Close"
              className="-m-1 rounded-control p-1 text-muted-fg hover:bg-muted hover:text-fg"
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
            </RadixDialog.Close>
          </div>
          {children}
          {footer && <div className="flex flex-wrap justify-end gap-2">{footer}</div>}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** Wrap a button in it to close the enclosing Dialog: `<DialogClose asChild><Button>Cancel</Button></DialogClose>`. */
export const DialogClose = RadixDialog.Close;

export interface DangerActionsProps {
  /** The button that closes the dialog without acting, e.g. "Keep it". */
  cancelLabel: ReactNode;
  /** The destructive action, e.g. "Delete picture". */
  confirmLabel: ReactNode;
  onConfirm: () => void;
  /** While the action runs: the confirm button shows a spinner and ignores clicks. */
  loading?: boolean;
}

/** A Dialog `footer` for a destructive confirmation: a cancel that closes it, then the danger action. */
export function DangerActions({
  cancelLabel,
  confirmLabel,
  onConfirm,
  loading,
}: DangerActionsProps) {
  return (
    <>
      <DialogClose asChild>
        <Button variant="secondary">{cancelLabel}</Button>
      </DialogClose>
      <Button variant="danger" loading={loading ?? false} onClick={onConfirm}>
        {confirmLabel}
      </Button>
    </>
  );
}
