/** What a replaced load resolves with: its answer came too late to be shown. */
export const stale = Symbol('stale');

/**
 * For loads that replace each other, such as a new search while the last one is still on its way: a load resolves
 * with its result (or throws its error) only if no later load started meanwhile, and with `stale` otherwise. Without
 * this, the first, unfiltered list that arrived after the filtered one was appended to it (a 28-item "filtered" list).
 */
export function latestOnly() {
  let generation = 0;
  return async function run<T>(load: () => Promise<T>): Promise<T | typeof stale> {
    const mine = ++generation;
    try {
      const value = await load();
      return mine === generation ? value : stale;
    } catch (e) {
      if (mine !== generation) return stale;
      throw e;
    }
  };
}
