import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Writes dist/sw.js once the build is on disk, listing the exact files written (the app shell: pages, scripts,
 * styles, icons, manifest) and a version taken from their content, so every deploy replaces the old cache.
 * The Web Chat bundle is left out (chat page only, large); it is cached the first time the chat page uses it.
 */
export function serviceWorker(options: { exclude: RegExp }): Plugin {
  return {
    name: 'assistant-service-worker',
    apply: 'build',
    writeBundle(output) {
      const dir = output.dir!;
      const files = walk(dir).map(f => relative(dir, f).split('\\').join('/'))
        .filter(f => f !== 'sw.js' && !f.endsWith('.map') && !options.exclude.test(f)).sort();
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
      const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
      const shell = files.map(f => `/${f}`);
      writeFileSync(join(dir, 'sw.js'), template
        .replace('__VERSION__', hash.digest('hex').slice(0, 12))
        .replace('__SHELL__', JSON.stringify(shell, null, 2)));
    },
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap(e => e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]);
}
