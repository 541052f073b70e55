import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Regression: a merge once dropped the closing brace of a media query, and every rule after it
// (feedback buttons, flags, freshness badges) silently stopped applying on wide screens.
describe('public/style.css', () => {
  it('closes every block it opens, in order', () => {
    const css = readFileSync('public/style.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    let depth = 0;
    for (const [i, line] of css.split('\n').entries()) {
      depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
      expect(depth, `line ${i + 1}`).toBeGreaterThanOrEqual(0);
      // A top-level rule (no indent) must not start inside another block, except inside @media.
      if (/^[.#a-z]/i.test(line) && line.includes('{')) expect(depth - 1, `line ${i + 1}: ${line}`).toBeLessThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });
});
