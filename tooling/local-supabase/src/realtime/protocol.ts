// Phoenix channel frames. With vsn 2.0.0 text frames are JSON arrays
// `[join_ref, ref, topic, event, payload]`; realtime-js sends user broadcasts as binary frames
// ("user broadcast push", kind 3) and accepts them back as kind 4. vsn 1.0.0 uses JSON objects.

export type Vsn = '1.0.0' | '2.0.0';

export interface Frame {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
}

/** A broadcast's user payload, kept in the encoding the sender chose. */
export type BroadcastBody =
  { encoding: 'json'; value: unknown } | { encoding: 'binary'; bytes: Buffer };

export interface BroadcastFrame extends Frame {
  event: 'broadcast';
  userEvent: string;
  body: BroadcastBody;
}

export type DecodeResult =
  | { ok: true; frame: Frame | BroadcastFrame }
  | { ok: false; reason: string; ref: string | null; topic: string | null; joinRef: string | null };

const KIND_USER_BROADCAST_PUSH = 3;
const KIND_USER_BROADCAST = 4;
const ENCODING_BINARY = 0;
const ENCODING_JSON = 1;

function fail(
  reason: string,
  partial: { ref?: unknown; topic?: unknown; joinRef?: unknown } = {},
): DecodeResult {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    ok: false,
    reason,
    ref: text(partial.ref),
    topic: text(partial.topic),
    joinRef: text(partial.joinRef),
  };
}

const isRef = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Decodes one WebSocket message; never throws. */
export function decodeFrame(data: Buffer, isBinary: boolean, vsn: Vsn): DecodeResult {
  if (isBinary) return decodeBinary(data);
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch {
    return fail('malformed frame: not valid JSON');
  }
  let fields: { joinRef: unknown; ref: unknown; topic: unknown; event: unknown; payload: unknown };
  if (vsn === '2.0.0') {
    if (!Array.isArray(parsed) || parsed.length !== 5) {
      return fail('malformed frame: expected [join_ref, ref, topic, event, payload]');
    }
    const [joinRef, ref, topic, event, payload] = parsed as unknown[];
    fields = { joinRef, ref, topic, event, payload };
  } else {
    if (!isObject(parsed)) return fail('malformed frame: expected {topic, event, payload, ref}');
    fields = {
      joinRef: parsed.join_ref ?? null,
      ref: parsed.ref ?? null,
      topic: parsed.topic,
      event: parsed.event,
      payload: parsed.payload,
    };
  }
  const { joinRef, ref, topic, event, payload } = fields;
  if (!isRef(joinRef)) return fail('malformed frame: join_ref must be a string or null', fields);
  if (!isRef(ref)) return fail('malformed frame: ref must be a string or null', fields);
  if (typeof topic !== 'string' || topic === '')
    return fail('malformed frame: topic must be a non-empty string', fields);
  if (typeof event !== 'string' || event === '')
    return fail('malformed frame: event must be a non-empty string', fields);
  if (!isObject(payload)) return fail('malformed frame: payload must be an object', fields);
  return { ok: true, frame: { joinRef, ref, topic, event, payload } };
}

function decodeBinary(data: Buffer): DecodeResult {
  if (data.length < 7 || data[0] !== KIND_USER_BROADCAST_PUSH) {
    return fail('malformed frame: unsupported binary message');
  }
  const [joinRefSize, refSize, topicSize, eventSize, metaSize, encoding] = [
    ...data.subarray(1, 7),
  ] as number[];
  let offset = 7;
  const take = (size: number): string => {
    const text = data.toString('utf8', offset, offset + size);
    offset += size;
    return text;
  };
  if (offset + joinRefSize! + refSize! + topicSize! + eventSize! + metaSize! > data.length) {
    return fail('malformed frame: binary header longer than the message');
  }
  const joinRef = take(joinRefSize!);
  const ref = take(refSize!);
  const topic = take(topicSize!);
  const userEvent = take(eventSize!);
  take(metaSize!);
  const partial = { joinRef, ref, topic };
  if (topic === '') return fail('malformed frame: topic must be a non-empty string', partial);
  const bytes = Buffer.from(data.subarray(offset));
  let body: BroadcastBody;
  if (encoding === ENCODING_JSON) {
    try {
      body = { encoding: 'json', value: JSON.parse(bytes.toString('utf8')) };
    } catch {
      return fail('malformed frame: broadcast payload is not valid JSON', partial);
    }
  } else if (encoding === ENCODING_BINARY) {
    body = { encoding: 'binary', bytes };
  } else {
    return fail('malformed frame: unknown payload encoding', partial);
  }
  return {
    ok: true,
    frame: {
      joinRef: joinRef || null,
      ref: ref || null,
      topic,
      event: 'broadcast',
      userEvent,
      body,
      payload: { type: 'broadcast', event: userEvent },
    },
  };
}

/** Encodes a message for a client speaking `vsn`. */
export function encodeFrame(frame: Frame, vsn: Vsn): string {
  if (vsn === '2.0.0')
    return JSON.stringify([frame.joinRef, frame.ref, frame.topic, frame.event, frame.payload]);
  return JSON.stringify({
    join_ref: frame.joinRef,
    ref: frame.ref,
    topic: frame.topic,
    event: frame.event,
    payload: frame.payload,
  });
}

/**
 * A broadcast for delivery. vsn 2.0.0 clients get binary "user broadcast" frames, as Supabase
 * sends them; vsn 1.0.0 clients get JSON, which cannot carry a binary payload (undefined then).
 */
export function encodeBroadcast(
  topic: string,
  userEvent: string,
  body: BroadcastBody,
  vsn: Vsn,
): string | Buffer | undefined {
  if (vsn === '1.0.0') {
    if (body.encoding === 'binary') return undefined;
    return encodeFrame(
      {
        joinRef: null,
        ref: null,
        topic,
        event: 'broadcast',
        payload: { type: 'broadcast', event: userEvent, payload: body.value },
      },
      vsn,
    );
  }
  const topicBytes = Buffer.from(topic, 'utf8');
  const eventBytes = Buffer.from(userEvent, 'utf8');
  const payloadBytes =
    body.encoding === 'json' ? Buffer.from(JSON.stringify(body.value ?? {}), 'utf8') : body.bytes;
  const header = Buffer.from([
    KIND_USER_BROADCAST,
    topicBytes.length,
    eventBytes.length,
    0,
    body.encoding === 'json' ? ENCODING_JSON : ENCODING_BINARY,
  ]);
  return Buffer.concat([header, topicBytes, eventBytes, payloadBytes]);
}
