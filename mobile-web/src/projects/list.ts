import '../styles/base.css';
import '../styles/pages.css';
import { api } from '../lib/api';
import { latestOnly, stale } from '../lib/latest';
import { $, h, show } from '../lib/dom';
import { query } from '../lib/format';
import { STATUS_LABELS } from '../lib/labels';
import { registerServiceWorker } from '../lib/sw-register';
import { projectCard } from './card';
import { filtersFrom, type CatalogueItem, type Page, type ProjectFilters, type ProjectSummary } from './model';

const PAGE = 20;
const form = $('#search') as HTMLFormElement;
const results = $('#results');
const summary = $('#summary');
const more = $('#more') as HTMLButtonElement;
let filters = filtersFrom(location.search);
let loaded = 0;
const latest = latestOnly();

registerServiceWorker();
fillForm(filters);
void loadCategories();
void search(true);

form.addEventListener('submit', e => { e.preventDefault(); filters = readForm(); void search(true); });
form.querySelectorAll('select').forEach(s => s.addEventListener('change', () => { filters = readForm(); void search(true); }));
more.addEventListener('click', () => void search(false));

async function search(fresh: boolean) {
  if (fresh) {
    loaded = 0;
    history.replaceState(null, '', query({ ...filters }) || location.pathname);
    show(results);
  }
  more.hidden = true;
  summary.textContent = '正在搜索…';
  try {
    const page = await latest(() => api<Page<ProjectSummary>>(`/api/projects${query({ ...filters, skip: loaded, take: PAGE })}`));
    if (page === stale) return; // a newer search (a filter changed) replaced this one
    results.append(...page.items.map(projectCard));
    loaded += page.items.length;
    summary.textContent = page.total === 0 ? '没有找到符合条件的项目，请换个关键词或减少筛选条件。' : `共 ${page.total} 个项目，已显示 ${loaded} 个`;
    more.hidden = loaded >= page.total;
    rememberRegions(page.items);
  } catch (e) {
    summary.textContent = '';
    show(results, h('li', { class: 'notice notice-error', role: 'alert' }, (e as Error).message));
  }
}

function readForm(): ProjectFilters {
  const v = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();
  return { q: v('q'), region: v('region'), category: v('category'), status: v('status') };
}

function fillForm(f: ProjectFilters) {
  const statusSelect = form.elements.namedItem('status') as HTMLSelectElement;
  for (const [value, text] of Object.entries(STATUS_LABELS)) if (value !== 'Draft') statusSelect.append(h('option', { value }, text));
  for (const [k, v] of Object.entries(f)) {
    const el = form.elements.namedItem(k) as HTMLInputElement | null;
    if (el) el.value = v;
  }
}

async function loadCategories() {
  const select = form.elements.namedItem('category') as HTMLSelectElement;
  try {
    const items = await api<CatalogueItem[]>('/api/catalogue');
    const categories = [...new Set(items.map(i => i.category))].sort();
    select.append(...categories.map(c => h('option', { value: c }, c)));
    select.value = filters.category;
  } catch { /* the filter stays with "全部类别"; the list still works */ }
}

/** Regions offered as suggestions come from the projects seen so far (there is no regions endpoint). */
function rememberRegions(items: ProjectSummary[]) {
  const list = $('#regions');
  const known = new Set([...list.querySelectorAll('option')].map(o => o.value));
  for (const r of items.map(i => i.region)) if (r && !known.has(r)) { known.add(r); list.append(h('option', { value: r })); }
}
