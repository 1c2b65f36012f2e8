import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openOutbox, storageOutbox, type PendingRating } from '../src/rating/outbox';

const entry = (key: string, token: string, createdAt = '2026-01-01T00:00:00Z'): PendingRating => ({
  idempotencyKey: key, token, createdAt, attempts: 0,
  body: { token, idempotencyKey: key, score: 2, dimensions: { 服务态度: 2 }, comment: '饭菜凉了' },
});

describe('IndexedDB outbox', () => {
  it('keeps a pending rating across reopening the database (page reload)', async () => {
    const factory = new IDBFactory();
    const first = await openOutbox('t', factory);
    await first.put(entry('k1', 'tok-a'));
    const again = await openOutbox('t', factory);
    expect(await again.forToken('tok-a')).toEqual(entry('k1', 'tok-a'));
  });

  it('lists oldest first and forgets a removed rating', async () => {
    const box = await openOutbox('t', new IDBFactory());
    await box.put(entry('k2', 'b', '2026-01-02T00:00:00Z'));
    await box.put(entry('k1', 'a', '2026-01-01T00:00:00Z'));
    expect((await box.all()).map(e => e.idempotencyKey)).toEqual(['k1', 'k2']);
    await box.remove('k1');
    expect(await box.forToken('a')).toBeUndefined();
    expect((await box.all()).map(e => e.idempotencyKey)).toEqual(['k2']);
  });

  it('replaces an entry with the same idempotency key instead of adding a second one', async () => {
    const box = await openOutbox('t', new IDBFactory());
    await box.put(entry('k1', 'a'));
    await box.put({ ...entry('k1', 'a'), attempts: 3 });
    expect(await box.all()).toHaveLength(1);
    expect((await box.all())[0].attempts).toBe(3);
  });
});

describe('localStorage fallback outbox', () => {
  it('behaves like the IndexedDB one', async () => {
    const data = new Map<string, string>();
    const box = storageOutbox({ getItem: k => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) });
    await box.put(entry('k1', 'a'));
    await box.put(entry('k1', 'a'));
    expect(await box.all()).toHaveLength(1);
    expect((await box.forToken('a'))?.idempotencyKey).toBe('k1');
    await box.remove('k1');
    expect(await box.all()).toEqual([]);
  });
});
