/** "★★★★☆ 4.2 out of 5 (12 reviews)", with the stars hidden from screen readers. */
export function Rating({ average, count }: { average: number | null; count: number | null }) {
  if (!count || average === null)
    return (
      <p className="text-sm text-muted-fg" data-testid="rating-summary">
        No reviews yet
      </p>
    );
  const rounded = Math.round(average);
  return (
    <p className="flex items-center gap-2 text-sm" data-testid="rating-summary">
      <span aria-hidden="true" className="text-fg">
        {'★'.repeat(rounded)}
        {'☆'.repeat(5 - rounded)}
      </span>
      <span>
        {average.toFixed(1)} out of 5 ({count} {count === 1 ? 'review' : 'reviews'})
      </span>
    </p>
  );
}
