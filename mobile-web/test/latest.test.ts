import { describe, expect, it } from 'vitest';
import { latestOnly, stale } from '../src/lib/latest';

const later = <T>() => {
  let settle!: { resolve: (v: T) => void; reject: (e: unknown) => void };
  const promise = new Promise<T>((resolve, reject) => { settle = { resolve, reject }; });
  return { promise, ...settle };
};

describe('loads that replace each other', () => {
  it('drops an earlier answer that arrives after a later one', async () => {
    const run = latestOnly();
    const all = later<string>();
    const first = run(() => all.promise);
    const second = run(async () => 'filtered');
    expect(await second).toBe('filtered');
    all.resolve('unfiltered');
    expect(await first).toBe(stale);
  });

  it('drops an earlier answer that arrives first', async () => {
    const run = latestOnly();
    const all = later<string>();
    const filtered = later<string>();
    const first = run(() => all.promise);
    const second = run(() => filtered.promise);
    all.resolve('unfiltered');
    expect(await first).toBe(stale);
    filtered.resolve('filtered');
    expect(await second).toBe('filtered');
  });

  it('drops the error of a replaced load and passes the latest one on', async () => {
    const run = latestOnly();
    const failing = later<string>();
    const first = run(() => failing.promise);
    const second = run(() => Promise.reject(new Error('网络异常')));
    failing.reject(new Error('旧的错误'));
    expect(await first).toBe(stale);
    await expect(second).rejects.toThrow('网络异常');
  });
});
