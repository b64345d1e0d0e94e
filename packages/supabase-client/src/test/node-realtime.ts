import type { RealtimeClientOptions } from '@supabase/supabase-js';
import WebSocket from 'ws';

/**
 * supabase-js 2.119 throws in Node 20 without a WebSocket implementation. `ws`'s constructor
 * typing differs from realtime-js's WebSocketLikeConstructor only in overloads, hence the cast.
 */
export const nodeRealtime: RealtimeClientOptions = {
  transport: WebSocket as unknown as NonNullable<RealtimeClientOptions['transport']>,
};
