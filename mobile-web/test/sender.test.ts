import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/lib/problem';
import type { RatingBody, RatingResult } from '../src/rating/model';
import { openOutbox, type Outbox } from '../src/rating/outbox';
import { flushOutbox, submitRating, type SendFn } from '../src/rating/sender';

const rating = { token: 'tok-1', score: 1, dimensions: { 及时性: 1 }, comment: '饭菜凉了' };
const ok = (body: RatingBody): RatingResult => ({ id: body.idempotencyKey, score: body.score });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A server that records what it received, fails the way it is told, and counts ratings once per key. */
function server(failures: (ApiError | null)[] = []) {
  const received: RatingBody[] = [];
  const stored = new Map<string, RatingBody>();
  const send: SendFn = async body => {
    received.push(structuredClone(body));
    const failure = failures.shift();
    if (failure) throw failure;
    stored.set(body.idempotencyKey, body);
    return ok(body);
  };
  return { send, received, stored };
}

const fresh = (): Promise<Outbox> => openOutbox('test', new IDBFactory());

describe('submitting a rating', () => {
  it('stores the rating on the device before the first attempt', async () => {
    const box = await fresh();
    let storedBeforeSend = false;
    await submitRating(box, async body => { storedBeforeSend = !!(await box.forToken(body.token)); return ok(body); }, rating);
    expect(storedBeforeSend).toBe(true);
  });

  it('removes it from the device once the server has it', async () => {
    const box = await fresh();
    const { send, stored } = server();
    const outcome = await submitRating(box, send, rating);
    expect(outcome.kind).toBe('sent');
    expect(outcome.entry.body.idempotencyKey).toMatch(UUID);
    expect(stored.size).toBe(1);
    expect(await box.all()).toEqual([]);
  });

  it('queues it when offline and sends it later with the same idempotency key', async () => {
    const box = await fresh();
    const { send, received, stored } = server([new ApiError(0)]);
    const first = await submitRating(box, send, rating);
    expect(first.kind).toBe('queued');
    expect(await box.forToken('tok-1')).toBeDefined();

    const [later] = await flushOutbox(box, send);
    expect(later.kind).toBe('sent');
    expect(received).toHaveLength(2);
    expect(received[1].idempotencyKey).toBe(received[0].idempotencyKey);
    expect(received[1]).toEqual(received[0]);
    expect(stored.size).toBe(1);
    expect(await box.all()).toEqual([]);
  });

  it('keeps retrying after a server error and counts one attempt each time', async () => {
    const box = await fresh();
    const { send } = server([new ApiError(503), new ApiError(0)]);
    await submitRating(box, send, rating);
    await flushOutbox(box, send);
    expect((await box.forToken('tok-1'))?.attempts).toBe(2);
    expect((await flushOutbox(box, send))[0].kind).toBe('sent');
  });

  it('does not make a second rating when the same link is submitted again while one is waiting', async () => {
    const box = await fresh();
    const { send, received } = server([new ApiError(0), new ApiError(0)]);
    await submitRating(box, send, rating);
    await submitRating(box, send, { ...rating, score: 5 });
    expect(await box.all()).toHaveLength(1);
    expect(received[1].idempotencyKey).toBe(received[0].idempotencyKey);
    expect(received[1].score).toBe(1);
  });

  it('treats 409 (already rated) as done, not as something to retry', async () => {
    const box = await fresh();
    const { send } = server([new ApiError(409, { title: '这次服务已经评价过了' })]);
    const outcome = await submitRating(box, send, rating);
    expect(outcome.kind).toBe('duplicate');
    expect(await box.all()).toEqual([]);
  });

  it('gives up on a rating the server refuses for good (expired link) and says why', async () => {
    const box = await fresh();
    const { send } = server([new ApiError(410, { title: '评价链接已过期' })]);
    const outcome = await submitRating(box, send, rating);
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind === 'rejected') expect(outcome.error.message).toContain('过期');
    expect(await box.all()).toEqual([]);
  });

  it('sends every waiting rating oldest first and stops at the first network failure', async () => {
    const box = await fresh();
    const offline = server([new ApiError(0), new ApiError(0)]);
    await submitRating(box, offline.send, { ...rating, token: 'a' }, {}, () => new Date('2026-01-01'));
    await submitRating(box, offline.send, { ...rating, token: 'b' }, {}, () => new Date('2026-01-02'));
    const stillOffline = server([new ApiError(0)]);
    const outcomes = await flushOutbox(box, stillOffline.send);
    expect(outcomes.map(o => o.entry.token)).toEqual(['a']);
    const online = server();
    expect((await flushOutbox(box, online.send)).map(o => [o.entry.token, o.kind])).toEqual([['a', 'sent'], ['b', 'sent']]);
  });

  it('shares one run between concurrent flushes so a rating is not sent twice at once', async () => {
    const box = await fresh();
    const { send: offlineSend } = server([new ApiError(0)]);
    await submitRating(box, offlineSend, rating);
    const { send, received } = server();
    const [a, b] = await Promise.all([flushOutbox(box, send), flushOutbox(box, send)]);
    expect(a).toBe(b);
    expect(received).toHaveLength(1);
  });
});
