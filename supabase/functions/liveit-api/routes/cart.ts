// POST /cart/merge: the guest cart from local storage joins the account's saved cart at sign-in.
import { cartMergeRequestSchema, cartResponseSchema } from '@alawein/liveit-domain';
import type { FunctionApp } from '../../_shared/app.ts';
import { readJson } from '../../_shared/http.ts';
import { parseInput } from '../../_shared/validation.ts';
import { fromLiveitError } from '../../_liveit/errors.ts';
import { callerOf } from '../app.ts';

export function registerCartRoutes(app: FunctionApp): void {
  app.post('/cart/merge', async (c) => {
    const input = parseInput(cartMergeRequestSchema, await readJson(c.req.raw));
    const { data, error } = await callerOf(c).db.rpc('liveit_merge_cart', { items: input.items });
    if (error) throw fromLiveitError(error);
    return c.json(cartResponseSchema.parse(data), 200);
  });
}
