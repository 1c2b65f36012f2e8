import { ApiError } from './api';
import { h, show, type Child } from './dom';

/**
 * One independently loaded part of a page: shows loading, then its content, or a clear Chinese message
 * when its endpoint fails (some endpoints are built in parallel and may be missing), never a broken page.
 */
export function section(title: string, load: () => Promise<Child | (Child | Child[])[]>, onUnauthorized?: () => void): HTMLElement {
  const body = h('div', { class: 'section-body', 'aria-live': 'polite' }, h('p', { class: 'muted' }, '正在加载…'));
  const el = h('section', { class: 'card' }, h('h2', null, title), body);
  const run = async () => {
    show(body, h('p', { class: 'muted' }, '正在加载…'));
    try {
      const content = await load();
      show(body, ...(Array.isArray(content) ? content : [content]));
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0);
      if (error.status === 401 && onUnauthorized) { onUnauthorized(); return; }
      show(body, h('p', { class: 'notice notice-error', role: 'alert' }, error.message),
        h('button', { type: 'button', class: 'secondary', onclick: () => void run() }, '重试'));
    }
  };
  void run();
  return el;
}

/** Reads the first present field: tolerant of small differences in the shape other teams' endpoints return. */
export function pick<T = unknown>(obj: unknown, ...names: string[]): T | undefined {
  if (!obj || typeof obj !== 'object') return undefined;
  for (const n of names) {
    const v = (obj as Record<string, unknown>)[n];
    if (v !== undefined && v !== null && v !== '') return v as T;
  }
  return undefined;
}

/** Accepts a bare array or a page `{ items: [...] }`. */
export function itemsOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  const items = pick<T[]>(data, 'items', 'results', 'data');
  return Array.isArray(items) ? items : [];
}

export const empty = (text: string) => h('p', { class: 'muted' }, text);
