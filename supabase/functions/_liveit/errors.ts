// LiveIt's SQL errors (SQLSTATE class LI, see 20261204000200_liveit_functions.sql) as API errors.
import { ApiError, fromDatabaseError } from '../_shared/errors.ts';

interface DatabaseError {
  code?: string;
  message?: string;
  details?: string | null;
  hint?: string | null;
}

/** 409 out_of_stock naming the line, the variant and how many are left. */
export class OutOfStockError extends ApiError {
  constructor(
    message: string,
    field: string | undefined,
    readonly variantId: string | undefined,
    readonly available: number | undefined,
  ) {
    super(409, 'out_of_stock', message, { field });
  }

  override toBody() {
    const body = super.toBody();
    return {
      error: {
        ...body.error,
        ...(this.variantId ? { variant_id: this.variantId } : {}),
        ...(this.available === undefined ? {} : { available: this.available }),
      },
    };
  }
}

function details(error: DatabaseError): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(error.details ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const CONSTRAINT_FIELDS: Record<string, string> = {
  liveit_products_slug_key: 'slug',
  liveit_categories_slug_key: 'slug',
  liveit_variants_sku_key: 'sku',
  liveit_variants_options_unique: 'size',
  liveit_product_images_storage_path_key: 'storage_path',
  liveit_reviews_one_per_customer: 'product_id',
};

/** Maps a database error from a LiveIt call; anything not LiveIt's goes to the shared mapping. */
export function fromLiveitError(error: DatabaseError): ApiError {
  const field = error.hint ?? undefined;
  const message = error.message ?? 'database error';
  switch (error.code) {
    case 'LI409': {
      const extra = details(error);
      return new OutOfStockError(
        message,
        field,
        typeof extra.variant_id === 'string' ? extra.variant_id : undefined,
        typeof extra.available === 'number' ? extra.available : undefined,
      );
    }
    case 'LI422':
      return new ApiError(422, 'variant_unavailable', message, { field: field });
    case 'LI410':
      return new ApiError(409, 'invalid_transition', message, { field: field });
    case 'LI411':
      return new ApiError(409, 'stock_below_reserved', message, { field: field });
    case 'LI403':
      return new ApiError(403, 'not_purchased', message, { field: field });
    case '23505': {
      const constraint = Object.keys(CONSTRAINT_FIELDS).find((name) => message.includes(name));
      if (constraint === 'liveit_reviews_one_per_customer') {
        return new ApiError(409, 'already_reviewed', 'you have already reviewed this product', {
          field: 'product_id',
        });
      }
      return new ApiError(
        409,
        'conflict',
        constraint ? `${CONSTRAINT_FIELDS[constraint]} is already taken` : message,
        { field: constraint ? CONSTRAINT_FIELDS[constraint] : undefined },
      );
    }
    case '40P01':
    case '55P03':
      // Lock order rules make these rare (a product deleted mid-checkout); the request is safe
      // to repeat, as nothing was written.
      return new ApiError(503, 'busy', 'the store is busy; try again', {
        headers: { 'Retry-After': '1' },
      });
    default:
      return fromDatabaseError(error);
  }
}
