import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileGraph, folderGraph, folderOf, importsUnder, loopsIn, type FileImport } from './import-graph.ts';

/**
 * The ground floor: folders every feature may stand on, which know nothing of any feature.
 * (ARCHITECTURE.md explains the layers; a folder not named here is a feature.)
 */
const GROUND = new Set(['db', 'validation', 'render', 'http', 'errors', 'file-format', 'people', 'dates', 'i18n']);

const imports = importsUnder(join(import.meta.dirname, '../../server'));

describe('server/ folders depend one way', () => {
  it('reads the imports of server/ (the check is not looking at nothing)', () => {
    expect(imports.length).toBeGreaterThan(300);
    expect(imports).toContainEqual({ from: 'app.ts', to: 'entry-page/entry-page.ts' });
  });

  it('has no loop between folders', () => {
    const loops = loopsIn(folderGraph(imports)).map((group) => {
      const inside = imports.filter((i) => group.includes(folderOf(i.from)) && group.includes(folderOf(i.to)) && folderOf(i.from) !== folderOf(i.to));
      return `${group.join(' ⇄ ')}:\n  ${inside.map((i) => `${i.from} → ${i.to}`).join('\n  ')}`;
    });
    expect(loops, loops.join('\n')).toEqual([]);
  });

  it('has no loop between files either, type imports included', () => {
    expect(loopsIn(fileGraph(imports))).toEqual([]);
  });

  it('never imports a feature from a ground folder', () => {
    const upward = imports.filter((i) => GROUND.has(folderOf(i.from)) && folderOf(i.to) !== '' && !GROUND.has(folderOf(i.to)));
    expect(upward.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });
});

describe('the loop finder', () => {
  const graphOf = (edges: [string, string][]) => folderGraph(edges.map(([from, to]): FileImport => ({ from: `${from}/x.ts`, to: `${to}/y.ts` })));

  it('finds a loop through three folders and leaves the folders outside it alone', () => {
    expect(loopsIn(graphOf([['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd'], ['e', 'a']]))).toEqual([['a', 'b', 'c']]);
  });

  it('finds two separate loops, and none in a chain', () => {
    expect(loopsIn(graphOf([['a', 'b'], ['b', 'a'], ['c', 'd'], ['d', 'c']])).sort()).toEqual([['a', 'b'], ['c', 'd']]);
    expect(loopsIn(graphOf([['a', 'b'], ['b', 'c'], ['a', 'c']]))).toEqual([]);
  });

  it('ignores imports inside one folder and from the top-level files', () => {
    expect(folderGraph([{ from: 'a/x.ts', to: 'a/y.ts' }, { from: 'app.ts', to: 'a/x.ts' }]).size).toBe(0);
  });
});
