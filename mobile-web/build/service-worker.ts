import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Writes dist/sw.js with the exact list of built files (the app shell) and a version taken from their
 * content, so every deploy replaces the old cache. The Web Chat bundle is left out (chat page only, large).
 */
export function serviceWorker(options: { exclude: RegExp; publicFiles: string[] }): Plugin {
  return {
    name: 'assistant-service-worker',
    apply: 'build',
    generateBundle(_, bundle) {
      const built = Object.keys(bundle).filter(f => !f.endsWith('.map') && !options.exclude.test(f));
      const shell = [...built, ...options.publicFiles].map(f => `/${f}`).sort();
      const hash = createHash('sha256');
      for (const f of built.sort()) {
        const item = bundle[f];
        hash.update(f).update(item.type === 'chunk' ? item.code : item.source);
      }
      const version = hash.digest('hex').slice(0, 12);
      const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template.replace('__VERSION__', version).replace('__SHELL__', JSON.stringify(shell, null, 2)),
      });
    },
  };
}
