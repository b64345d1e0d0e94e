// POST /reviews (a customer's one review of a product they bought), DELETE /reviews/:id.
import { reviewInputSchema, reviewResponseSchema } from '@alawein/liveit-domain';
import { z } from 'zod';
import type { FunctionApp } from '../../_shared/app.ts';
import type { AuthVariables } from '../../_shared/auth.ts';
import { ApiError } from '../../_shared/errors.ts';
import { readJson } from '../../_shared/http.ts';
import { respond } from '../../_shared/respond.ts';
import { parseInput } from '../../_shared/validation.ts';
import { fromLiveitError } from '../../_liveit/errors.ts';
import type { LiveitDeps } from '../app.ts';

const reviewIdSchema = z.uuid({ message: 'review id must be a UUID' });

export function registerReviewRoutes(app: FunctionApp<AuthVariables>, deps: LiveitDeps): void {
  app.post('/reviews', async (c) => {
    const input = parseInput(reviewInputSchema, await readJson(c.req.raw));
    const { data, error } = await deps.service
      .rpc('liveit_create_review', {
        customer: c.get('caller').user.id,
        product_id: input.product_id,
        rating: input.rating,
        title: input.title,
        body: input.body,
      })
      .single();
    if (error) throw fromLiveitError(error);
    return respond(c, reviewResponseSchema, { review: data }, 201);
  });

  app.delete('/reviews/:id', async (c) => {
    const id = parseInput(reviewIdSchema, c.req.param('id'));
    const { data, error } = await c
      .get('caller')
      .db.from('liveit_reviews')
      .delete()
      .eq('id', id)
      .select('id');
    if (error) throw fromLiveitError(error);
    if (data.length === 0)
      throw new ApiError(404, 'not_found', 'review not found', { field: 'id' });
    return c.body(null, 204);
  });
}
