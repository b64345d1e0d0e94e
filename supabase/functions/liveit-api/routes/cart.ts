// POST /cart/merge: the guest cart from local storage joins the account's saved cart at sign-in.
import { cartMergeRequestSchema, cartResponseSchema } from '@alawein/liveit-domain';
import type { FunctionApp } from '../../_shared/app.ts';
import type { AuthVariables } from '../../_shared/auth.ts';
import { readJson } from '../../_shared/http.ts';
import { respond } from '../../_shared/respond.ts';
import { parseInput } from '../../_shared/validation.ts';
import { fromLiveitError } from '../../_liveit/errors.ts';

export function registerCartRoutes(app: FunctionApp<AuthVariables>): void {
  app.post('/cart/merge', async (c) => {
    const input = parseInput(cartMergeRequestSchema, await readJson(c.req.raw));
    const { data, error } = await c
      .get('caller')
      .db.rpc('liveit_merge_cart', { items: input.items });
    if (error) throw fromLiveitError(error);
    return respond(c, cartResponseSchema, data);
  });
}
