/** Registers the service worker after the page has loaded, so caching the shell never competes with first paint. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const register = () => navigator.serviceWorker.register('/sw.js').catch(() => { /* the page works without it */ });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
