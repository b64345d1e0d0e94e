import { Spinner } from '@alawein/ui';

/** Centred spinner while a page's chunk or data loads. */
export function PageSpinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="flex justify-center py-16" data-testid="page-loading">
      <Spinner size="lg" label={label} />
    </div>
  );
}
