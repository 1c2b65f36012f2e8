import { pick } from '../lib/section';

export interface TrendPoint { label: string; average: number; count: number }

/** Normalises the rating-trend answer (a list, or an object holding one) into labelled monthly averages. */
export function normaliseTrend(data: unknown): { name?: string; points: TrendPoint[] } {
  const raw = Array.isArray(data) ? data : pick<unknown[]>(data, 'points', 'months', 'items', 'trend') ?? [];
  const points = raw.map(p => ({
    label: String(pick(p, 'month', 'period', 'label', 'date') ?? ''),
    average: Number(pick(p, 'average', 'averageScore', 'mean', 'score')),
    count: Number(pick(p, 'count', 'ratings', 'n') ?? 0),
  })).filter(p => p.label && Number.isFinite(p.average));
  return { name: pick<string>(data, 'providerName', 'name', 'organisationName'), points };
}

const SVG = 'http://www.w3.org/2000/svg';
const el = (tag: string, attrs: Record<string, string | number>, text?: string) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
};

/** A small line chart of the average score (1..5) per period; the table beside it carries the same figures. */
export function trendChart(points: TrendPoint[], title: string): SVGSVGElement {
  const W = 340, H = 200, L = 28, R = 10, T = 12, B = 34;
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title }) as SVGSVGElement;
  const x = (i: number) => L + (points.length <= 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (points.length - 1));
  const y = (v: number) => T + ((5 - v) * (H - T - B)) / 4;
  for (let v = 1; v <= 5; v++) {
    svg.append(el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#d5d9df' }));
    svg.append(el('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#4a4a4a' }, String(v)));
  }
  svg.append(el('polyline', { points: points.map((p, i) => `${x(i)},${y(p.average)}`).join(' '), fill: 'none', stroke: '#0b5c8a', 'stroke-width': 2.5 }));
  const every = Math.max(1, Math.ceil(points.length / 6));
  points.forEach((p, i) => {
    svg.append(el('circle', { cx: x(i), cy: y(p.average), r: 4, fill: p.average < 3 ? '#a4161a' : '#0b5c8a' }));
    if (i % every === 0 || i === points.length - 1)
      // First and last labels are anchored inwards so they are not cut off at the edges.
      svg.append(el('text', { x: x(i), y: H - 12, 'text-anchor': points.length > 1 && i === 0 ? 'start' : points.length > 1 && i === points.length - 1 ? 'end' : 'middle', 'font-size': 11, fill: '#4a4a4a' }, p.label));
  });
  return svg;
}
