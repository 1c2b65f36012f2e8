import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, read } from '../src/lib/api';

afterEach(() => vi.unstubAllGlobals());

const respond = (status: number, body: unknown) => new Response(body === undefined ? '' : JSON.stringify(body), { status });

describe('calling the API', () => {
  it('returns the JSON body on success and sends JSON', async () => {
    const fetch = vi.fn(async () => respond(201, { id: 'r1', score: 5 }));
    vi.stubGlobal('fetch', fetch);
    expect(await api('/api/ratings', { method: 'POST', body: { score: 5 } })).toEqual({ id: 'r1', score: 5 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/ratings');
    expect(init.body).toBe('{"score":5}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('turns a lost connection into a retryable ApiError with a Chinese message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const error = await api('/api/projects').catch((e: unknown) => e as ApiError) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.isNetwork).toBe(true);
    expect(error.message).toBe('网络连接失败，请检查网络后重试。');
  });

  it('keeps the ProblemDetails of a refusal', async () => {
    const error = await read(Promise.resolve(respond(409, { title: '已经评价过了', detail: '每个评价链接只能评价一次' }))).catch((e: unknown) => e as ApiError) as ApiError;
    expect(error.status).toBe(409);
    expect(error.message).toBe('已经评价过了：每个评价链接只能评价一次');
  });

  it('copes with an error page that is not JSON', async () => {
    const error = await read(Promise.resolve(new Response('<html>Bad Gateway</html>', { status: 502 }))).catch((e: unknown) => e as ApiError) as ApiError;
    expect(error.isTransient).toBe(true);
    expect(error.message).toBe('服务器暂时出错，请稍后再试。');
  });
});
