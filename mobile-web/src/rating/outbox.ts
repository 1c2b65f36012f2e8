import type { RatingBody } from './model';

/** A rating written on the phone and not yet acknowledged by the server. */
export interface PendingRating {
  idempotencyKey: string;
  token: string;
  body: RatingBody;
  createdAt: string;
  attempts: number;
  /** Shown while offline for the thank-you and complaint messages. */
  rectificationDays?: number;
}

export interface Outbox {
  put(entry: PendingRating): Promise<void>;
  all(): Promise<PendingRating[]>;
  forToken(token: string): Promise<PendingRating | undefined>;
  remove(idempotencyKey: string): Promise<void>;
}

const STORE = 'outbox';

/** The outbox in IndexedDB, which survives closing the page, restarting the phone and going offline. */
export async function openOutbox(name = 'assistant-ratings', factory: IDBFactory = indexedDB): Promise<Outbox> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: 'idempotencyKey' });
      store.createIndex('token', 'token', { unique: false });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('outbox blocked'));
  });

  const run = <T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      // Resolve on commit, not on the request: a put is only safe once the transaction is durable.
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('outbox transaction aborted'));
    });

  return {
    put: async e => { await run('readwrite', s => s.put(e)); },
    all: async () => (await run<PendingRating[]>('readonly', s => s.getAll())).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    forToken: async token => (await run<PendingRating[]>('readonly', s => s.index('token').getAll(token)))[0],
    remove: async key => { await run('readwrite', s => s.delete(key)); },
  };
}

/** Fallback when IndexedDB is unavailable (some private modes): localStorage still survives a reload. */
export function storageOutbox(storage: Pick<Storage, 'getItem' | 'setItem'>, key = 'assistant.ratingOutbox'): Outbox {
  const read = (): PendingRating[] => {
    try { return JSON.parse(storage.getItem(key) ?? '[]') as PendingRating[]; } catch { return []; }
  };
  const write = (items: PendingRating[]) => storage.setItem(key, JSON.stringify(items));
  return {
    put: async e => write([...read().filter(x => x.idempotencyKey !== e.idempotencyKey), e]),
    all: async () => read(),
    forToken: async token => read().find(x => x.token === token),
    remove: async k => write(read().filter(x => x.idempotencyKey !== k)),
  };
}

export async function openBestOutbox(): Promise<Outbox> {
  try {
    return await openOutbox();
  } catch {
    return storageOutbox(localStorage);
  }
}
