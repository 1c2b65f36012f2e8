import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Builds a fake dist whose rating page loads a script of the given size (random bytes do not compress). */
function distWith(scriptBytes: number) {
  const dir = mkdtempSync(join(tmpdir(), 'budget-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'rating.html'), '<script type="module" src="/assets/rating.js"></script><link rel="stylesheet" href="/assets/a.css">');
  writeFileSync(join(dir, 'assets/rating.js'), `import "./dep.js";const x="${randomBytes(scriptBytes / 2).toString('hex')}";`);
  writeFileSync(join(dir, 'assets/dep.js'), randomBytes(20 * 1024).toString('base64'));
  writeFileSync(join(dir, 'assets/a.css'), 'body{}');
  writeFileSync(join(dir, 'assets/unused.js'), randomBytes(200 * 1024).toString('hex'));
  return dir;
}

const run = (dist: string) => spawnSync(process.execPath, ['scripts/budget.mjs'], { env: { ...process.env, BUDGET_DIST: dist }, encoding: 'utf8' });

describe('page-weight budget script', () => {
  it('passes a small page and counts its static imports but not unrelated files', () => {
    const result = run(distWith(10 * 1024));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('assets/dep.js');
    expect(result.stdout).not.toContain('unused.js');
  });

  it('fails when the rating page goes over 60 KB gzipped', () => {
    const result = run(distWith(80 * 1024));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('OVER BUDGET');
  });
});
