import { LIMITS } from '@alawein/liveit-domain';

/** A cart line: what liveit_cart_items and POST /cart/merge hold. */
export interface CartLine {
  variant_id: string;
  quantity: number;
}

const KEY = 'liveit-guest-cart';
const listeners = new Set<() => void>();
let cached: { raw: string | null; lines: CartLine[] } = { raw: null, lines: [] };

function isLine(value: unknown): value is CartLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return (
    typeof line.variant_id === 'string' &&
    typeof line.quantity === 'number' &&
    Number.isInteger(line.quantity) &&
    line.quantity >= 1
  );
}

/** The guest's cart from localStorage; anything unreadable counts as empty. */
export function readGuestCart(): CartLine[] {
  const raw = localStorage.getItem(KEY);
  if (raw === cached.raw) return cached.lines;
  let lines: CartLine[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) lines = parsed.filter(isLine);
  } catch {
    lines = [];
  }
  cached = { raw, lines };
  return lines;
}

export function writeGuestCart(lines: CartLine[]): void {
  if (lines.length === 0) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, JSON.stringify(lines));
  listeners.forEach((listener) => listener());
}

/** For useSyncExternalStore: this tab's writes and other tabs' (storage events). */
export function subscribeGuestCart(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Lines with `quantity` set for `variantId` (removed at 0), capped at the per-line maximum. */
export function withQuantity(lines: CartLine[], variantId: string, quantity: number): CartLine[] {
  const capped = Math.min(quantity, LIMITS.quantityPerLine);
  const rest = lines.filter((line) => line.variant_id !== variantId);
  if (capped <= 0) return rest;
  const exists = lines.some((line) => line.variant_id === variantId);
  return exists
    ? lines.map((line) => (line.variant_id === variantId ? { ...line, quantity: capped } : line))
    : [...lines, { variant_id: variantId, quantity: capped }];
}
