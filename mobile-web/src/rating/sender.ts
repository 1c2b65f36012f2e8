import { ApiError } from '../lib/problem';
import { newIdempotencyKey } from './key';
import type { RatingBody, RatingResult } from './model';
import type { Outbox, PendingRating } from './outbox';

export type SendFn = (body: RatingBody) => Promise<RatingResult>;

export type Outcome =
  | { kind: 'sent'; entry: PendingRating; result: RatingResult }
  | { kind: 'queued'; entry: PendingRating; error: ApiError }
  | { kind: 'duplicate'; entry: PendingRating; error: ApiError }
  | { kind: 'rejected'; entry: PendingRating; error: ApiError };

/**
 * Keeps a rating on the device first, then sends it. The idempotency key is made once, stored with the
 * rating and reused on every retry, so a rating that reached the server before the connection dropped is
 * not counted twice. If a rating for this link is already waiting, that one is sent instead of a new one.
 */
export async function submitRating(
  outbox: Outbox, send: SendFn, rating: Omit<RatingBody, 'idempotencyKey'>, extra: Partial<PendingRating> = {},
  now = () => new Date(),
): Promise<Outcome> {
  const waiting = await outbox.forToken(rating.token);
  const entry: PendingRating = waiting ?? {
    ...extra,
    idempotencyKey: newIdempotencyKey(),
    token: rating.token,
    body: { ...rating, idempotencyKey: '' },
    createdAt: now().toISOString(),
    attempts: 0,
  };
  entry.body.idempotencyKey = entry.idempotencyKey;
  if (!waiting) await outbox.put(entry);
  return deliver(outbox, send, entry);
}

/** One attempt: acknowledged or refused for good → removed; no answer or a passing server error → kept. */
export async function deliver(outbox: Outbox, send: SendFn, entry: PendingRating): Promise<Outcome> {
  try {
    const result = await send(entry.body);
    await outbox.remove(entry.idempotencyKey);
    return { kind: 'sent', entry, result };
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError(0);
    if (error.isTransient) {
      await outbox.put({ ...entry, attempts: entry.attempts + 1 });
      return { kind: 'queued', entry, error };
    }
    await outbox.remove(entry.idempotencyKey);
    return error.status === 409 ? { kind: 'duplicate', entry, error } : { kind: 'rejected', entry, error };
  }
}

let flushing: Promise<Outcome[]> | null = null;

/** Sends everything waiting, oldest first; concurrent calls (online event, timer, page load) share one run. */
export function flushOutbox(outbox: Outbox, send: SendFn): Promise<Outcome[]> {
  flushing ??= (async () => {
    try {
      const outcomes: Outcome[] = [];
      for (const entry of await outbox.all()) {
        const outcome = await deliver(outbox, send, entry);
        outcomes.push(outcome);
        if (outcome.kind === 'queued' && outcome.error.isNetwork) break; // still offline: try the rest later
      }
      return outcomes;
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}
