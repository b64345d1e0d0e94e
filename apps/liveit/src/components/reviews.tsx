import { useState, type FormEvent } from 'react';
import { ApiError, useUser } from '@alawein/supabase-client';
import { Button, EmptyState, Field, Input, Select, Textarea, errorMessage } from '@alawein/ui';
import { reviewInputSchema } from '@alawein/liveit-domain';
import { useCreateReviewMutation, useReviewsQuery } from '../api/reviews.ts';
import { LinkButton, paths, QueryState, type ReturnToState } from '@alawein/app-kit';

type FieldErrors = Partial<Record<'rating' | 'title' | 'body' | 'form', string>>;

function ReviewForm({ productId, slug }: { productId: string; slug: string }) {
  const create = useCreateReviewMutation(slug);
  const [rating, setRating] = useState('5');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = reviewInputSchema.safeParse({
      product_id: productId,
      rating: Number(rating),
      title,
      body,
    });
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'form');
        if (field === 'rating' || field === 'title' || field === 'body')
          next[field] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: () => {
        setTitle('');
        setBody('');
      },
      onError: (error) =>
        setErrors(
          error instanceof ApiError && (error.field === 'title' || error.field === 'rating')
            ? { [error.field]: error.message }
            : { form: errorMessage(error) },
        ),
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Write a review"
    >
      <h3 className="text-lg font-semibold">Write a review</h3>
      <Field label="Rating" error={errors.rating} required>
        <Select
          value={rating}
          onValueChange={setRating}
          options={[5, 4, 3, 2, 1].map((n) => ({
            value: String(n),
            label: `${n} ${n === 1 ? 'star' : 'stars'}`,
          }))}
        />
      </Field>
      <Field label="Title" error={errors.title} required>
        <Input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={120} />
      </Field>
      <Field label="Review" error={errors.body}>
        <Textarea value={body} onChange={(event) => setBody(event.target.value)} />
      </Field>
      {errors.form && (
        <p role="alert" className="text-danger">
          {errors.form}
        </p>
      )}
      <Button type="submit" loading={create.isPending} className="self-start">
        Post review
      </Button>
    </form>
  );
}

/** Reviews of a product, newest first, and the form for signed-in buyers. */
export function Reviews({ productId, slug }: { productId: string; slug: string }) {
  const reviews = useReviewsQuery(productId);
  const user = useUser().data;
  const mine = reviews.data?.some((review) => review.customer_id === user?.id);
  const returnTo: ReturnToState = { from: { pathname: `/products/${slug}` } };
  return (
    <section aria-labelledby="reviews-heading" className="flex flex-col gap-4">
      <h2 id="reviews-heading" className="text-xl font-semibold">
        Reviews
      </h2>
      <QueryState query={reviews} label="reviews">
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title="No reviews yet" headingLevel={3} />
          ) : (
            <ul className="flex flex-col gap-4" aria-label="Customer reviews">
              {rows.map((review) => (
                <li
                  key={review.id}
                  className="rounded-lg border border-border p-4"
                  data-testid="review"
                >
                  <p className="font-semibold">
                    <span className="sr-only">Rated {review.rating} out of 5: </span>
                    <span aria-hidden="true">
                      {'★'.repeat(review.rating)}
                      {'☆'.repeat(5 - review.rating)}{' '}
                    </span>
                    {review.title}
                  </p>
                  <p className="text-sm text-muted-fg">
                    {review.author_name}
                    {review.verified_purchase && ' · Verified purchase'} ·{' '}
                    {new Date(review.created_at).toLocaleDateString()}
                  </p>
                  {review.body && <p className="mt-2 whitespace-pre-line">{review.body}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {!user ? (
        <p>
          <LinkButton to={paths.signIn} state={returnTo}>
            Sign in to write a review
          </LinkButton>
        </p>
      ) : mine ? (
        <p role="status" className="text-sm text-muted-fg">
          You have reviewed this product — thank you.
        </p>
      ) : (
        <ReviewForm productId={productId} slug={slug} />
      )}
    </section>
  );
}
