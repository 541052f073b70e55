import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { barChart, columnChart } from '../../server/insights/svg-charts.ts';

describe('server-rendered SVG charts', () => {
  it('draws one column per day, scaled to the largest, with the highlighted part on top of it', () => {
    const svg = parse(columnChart([{ label: 'Mon', value: 10, highlighted: 5 }, { label: 'Tue', value: 5 }], { title: 'Searches', height: 136 }));
    const bars = svg.querySelectorAll('rect.chart__bar');
    expect(bars).toHaveLength(3);
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    expect(heights).toEqual([100, 50, 50]);
    expect(svg.querySelector('svg')!.getAttribute('aria-label')).toBe('Searches');
    expect(svg.querySelectorAll('.chart__bar--warn')).toHaveLength(1);
  });

  it('draws bars in proportion and escapes labels', () => {
    const svg = parse(barChart([{ label: '<script>', value: 4, note: '4 searches' }, { label: 'refund', value: 2 }], { title: 'Gaps' }));
    const widths = svg.querySelectorAll('rect').map((r) => Number(r.getAttribute('width')));
    expect(widths[0]).toBeCloseTo(widths[1]! * 2);
    expect(svg.toString()).not.toContain('<script>');
    expect(svg.querySelectorAll('.chart__value').map((t) => t.text)).toEqual(['4 searches', '2']);
  });

  it('draws an empty chart without dividing by zero', () => {
    expect(columnChart([], { title: 'Nothing' })).toContain('viewBox="0 0 50 160"');
    expect(barChart([], { title: 'Nothing' })).toContain('viewBox="0 0 480 26"');
  });
});
