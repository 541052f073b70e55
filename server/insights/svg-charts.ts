import { escapeHtml } from '../render/escape-html.ts';

/**
 * Small charts drawn on the server as SVG, so the dashboard needs no script. Sizes are in SVG
 * units; the page scales them to its width.
 */

export interface Column {
  label: string;
  /** The full height of the column. */
  value: number;
  /** The part of it to draw in the warning colour (e.g. searches that found nothing). */
  highlighted?: number;
}

/** Columns over time, e.g. searches per day, with a highlighted part in each. */
export function columnChart(columns: Column[], { title, height = 160, highlightedLabel = 'found nothing' }: { title: string; height?: number; highlightedLabel?: string }): string {
  const gap = 4;
  const columnWidth = 18;
  const labelSpace = 22;
  const inset = 14; // room for the first and last date labels, which are centred on their columns
  const width = Math.max(1, columns.length) * (columnWidth + gap) + 2 * inset;
  const max = Math.max(1, ...columns.map((c) => c.value));
  const scale = (v: number) => (v / max) * (height - labelSpace - 14);
  const bars = columns
    .map((c, i) => {
      const x = inset + i * (columnWidth + gap);
      const full = scale(c.value);
      const part = scale(Math.min(c.highlighted ?? 0, c.value));
      const base = height - labelSpace;
      const tip = `${escapeHtml(c.label)}: ${c.value}${c.highlighted ? `, ${c.highlighted} ${escapeHtml(highlightedLabel)}` : ''}`;
      const label = i % Math.ceil(columns.length / 8) === 0
        ? `<text x="${x + columnWidth / 2}" y="${height - 6}" text-anchor="middle" class="chart__label">${escapeHtml(c.label)}</text>`
        : '';
      return `<g><title>${tip}</title><rect x="${x}" y="${base - full}" width="${columnWidth}" height="${full}" rx="3" class="chart__bar"/>` +
        (part ? `<rect x="${x}" y="${base - part}" width="${columnWidth}" height="${part}" rx="3" class="chart__bar chart__bar--warn"/>` : '') +
        `${label}</g>`;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${bars}</svg>`;
}

export interface Bar {
  label: string;
  value: number;
  /** Text after the bar, e.g. "7 of 9". */
  note?: string;
}

/** Horizontal bars, e.g. the searches that most often found nothing. */
export function barChart(bars: Bar[], { title, max }: { title: string; max?: number }): string {
  const rowHeight = 26;
  const width = 480;
  const labelWidth = 200;
  const barSpace = width - labelWidth - 110;
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const rows = bars
    .map((b, i) => {
      const y = i * rowHeight;
      const length = Math.max(2, (b.value / top) * barSpace);
      const label = b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label;
      return `<g><title>${escapeHtml(b.label)}: ${escapeHtml(b.note ?? String(b.value))}</title>` +
        `<text x="0" y="${y + 17}" class="chart__label">${escapeHtml(label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 5}" width="${length}" height="16" rx="3" class="chart__bar"/>` +
        `<text x="${labelWidth + length + 6}" y="${y + 17}" class="chart__value">${escapeHtml(b.note ?? String(b.value))}</text></g>`;
    })
    .join('');
  const height = Math.max(1, bars.length) * rowHeight;
  return `<svg class="chart chart--bars" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${rows}</svg>`;
}
