import { Button } from './Button.tsx';

export interface PagerProps {
  /** The page shown, from 1. */
  page: number;
  /** How many pages there are; with one or none the pager renders nothing. */
  pages: number;
  /** Asked for the previous or next page's number. */
  onPage: (page: number) => void;
}

/** Previous / "Page n of m" / Next, as a navigation landmark named "Pages". */
export function Pager({ page, pages, onPage }: PagerProps) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-center gap-3">
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <span>
        Page {page} of {pages}
      </span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
