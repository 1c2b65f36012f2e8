import { h } from '../lib/dom';
import { date, money } from '../lib/format';
import type { ProjectSummary } from './model';

export function projectCard(p: ProjectSummary): HTMLElement {
  return h('li', { class: 'card project' },
    h('a', { href: `/project.html?id=${encodeURIComponent(p.id)}`, class: 'project-link' },
      h('span', { class: 'project-name' }, p.name)),
    h('p', { class: 'meta' }, h('span', { class: `badge status-${p.status}` }, p.statusLabel), ` ${p.department} · ${p.region}`),
    h('p', { class: 'meta' }, `预算 ${money(p.budget)} · ${p.methodLabel}`, p.bidDeadline ? ` · 投标截止 ${date(p.bidDeadline)}` : ''));
}
