import { ApiError, type ProblemDetails } from './problem';
import { getToken } from './session';

export { ApiError };

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Give up after this long on a slow network (the answer may still have arrived: retries must be idempotent). */
  timeoutMs?: number;
}

/** Calls the same-origin API; every failure becomes an ApiError with a Chinese message. */
export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs ?? 20000);
  try {
    return await read<T>(fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: abort.signal,
      credentials: 'same-origin',
    }));
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a response (or a fetch started elsewhere, e.g. by the page's first inline script) as JSON or an ApiError. */
export async function read<T>(pending: Promise<Response>): Promise<T> {
  let response: Response;
  try {
    response = await pending;
  } catch {
    throw new ApiError(0);
  }
  const text = await response.text().catch(() => '');
  const json = parse(text);
  if (!response.ok) throw new ApiError(response.status, (json ?? {}) as ProblemDetails);
  return json as T;
}

function parse(text: string): unknown {
  if (!text) return null;
  try { return JSON.parse(text); } catch { return null; }
}
