import '../styles/base.css';
import '../styles/pages.css';
import { api } from '../lib/api';
import { chatLink } from '../lib/chatlink';
import { latestOnly, stale } from '../lib/latest';
import { $, h, show } from '../lib/dom';
import { date } from '../lib/format';
import { STATUS_LABELS } from '../lib/labels';
import { empty, itemsOf, pick, section } from '../lib/section';
import type { Claims } from '../lib/session';
import { signOut, withSignIn } from '../lib/signin';
import { registerServiceWorker } from '../lib/sw-register';
import { projectCard } from '../projects/card';
import type { Page, ProjectSummary } from '../projects/model';
import { normaliseTrend, trendChart } from './trend';
import { yearEnd } from './yearend';

const app = $('#app');
const ROLES = ['purchaser', 'finance', 'admin'];
const HINT = '购买主体、财政部门工作人员登录。演示账号：staff 或 finance，密码 demo。';
const again = () => signOut(app, ROLES, HINT, render);
registerServiceWorker();
withSignIn(app, ROLES, HINT, render);

function render(claims: Claims) {
  const overdue = api<unknown>('/api/rectifications?overdue=true');
  // Names for organisation ids; the page still works (showing ids) if the list cannot be read.
  const names = api<unknown>('/api/organisations?take=200').then(d => new Map(itemsOf<Record<string, unknown>>(d)
    .map(o => [String(pick(o, 'id')), String(pick(o, 'name') ?? pick(o, 'id'))] as [string, string]))).catch(() => new Map<string, string>());
  show(app,
    h('div', { class: 'userbar' }, h('h1', null, '工作台'),
      h('span', { class: 'muted' }, claims.department ?? claims.name ?? ''),
      h('button', { type: 'button', class: 'secondary', onclick: again }, '退出登录')),
    section('项目（按阶段）', stages, again),
    section('待评价', async () => pending(await api('/api/evaluations/pending'), await names), again),
    section('逾期未回应的差评', async () => overdueCases(await overdue, await names), again),
    section('服务单位评分趋势', async () => trendPicker(await overdue.catch(() => []), await names), again),
    section('年终统计', yearEnd, again),
    section('在咨询助手中使用本账号', async () => chatLink(again), again));
}

async function stages() {
  const page = await api<Page<ProjectSummary>>('/api/projects?take=100');
  if (!page.items.length) return empty('暂无项目。');
  const order = Object.keys(STATUS_LABELS);
  const groups = new Map<string, ProjectSummary[]>();
  for (const p of page.items) groups.set(p.status, [...(groups.get(p.status) ?? []), p]);
  return [
    page.total > page.items.length ? h('p', { class: 'muted' }, `共 ${page.total} 个项目，显示最近 ${page.items.length} 个。`) : null,
    [...groups.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([status, items]) =>
      h('details', { class: 'stage' }, h('summary', null, `${STATUS_LABELS[status] ?? status}（${items.length}）`),
        h('ul', { class: 'plain' }, items.map(projectCard)))),
  ];
}

function pending(data: unknown, names: Map<string, string>) {
  const items = itemsOf<Record<string, unknown>>(data);
  if (!items.length) return empty('没有待评价的项目。');
  return h('ul', { class: 'plain' }, items.map(e => {
    const projectId = pick<string>(e, 'projectId', 'id') ?? '';
    const org = pick<string>(e, 'organisationId') ?? '';
    const due = pick<string>(e, 'evaluationDue', 'periodEnd');
    return h('li', { class: 'card' },
      h('a', { href: `/project.html?id=${encodeURIComponent(projectId)}`, class: 'project-link' }, pick<string>(e, 'projectName', 'name') ?? projectId),
      h('p', { class: 'meta' }, [names.get(org) ?? org, pick<string>(e, 'department'), due ? `应于 ${date(due)} 前评价` : null].filter(Boolean).join(' · ')));
  }));
}

function overdueCases(data: unknown, names: Map<string, string>) {
  const items = itemsOf<Record<string, unknown>>(data);
  if (!items.length) return empty('没有逾期未回应的差评。');
  return h('ul', { class: 'plain' }, items.map(c => {
    const org = pick<string>(c, 'organisationId') ?? '';
    const projectId = pick<string>(c, 'projectId') ?? '';
    return h('li', { class: 'card' },
      h('p', null, h('a', { href: `/project.html?id=${encodeURIComponent(projectId)}` }, projectId), ' ', h('span', { class: 'badge warn' }, '逾期')),
      h('p', { class: 'meta' }, `${names.get(org) ?? org} · ${pick<string>(c, 'ratingLevel') ?? ''} · 应于 ${date(pick<string>(c, 'dueAt'))} 前回应`),
      pick<string>(c, 'complaint') ? h('p', { class: 'text' }, `留言：${pick<string>(c, 'complaint')}`) : null);
  }));
}

/** Providers to choose from: the organisations list (staff may read it), plus any named only in overdue cases. */
function trendPicker(overdue: unknown, names: Map<string, string>) {
  const known = new Map(names);
  for (const c of itemsOf<Record<string, unknown>>(overdue)) {
    const id = pick<string>(c, 'organisationId');
    if (id && !known.has(id)) known.set(id, id);
  }
  const out = h('div', { class: 'chart', 'aria-live': 'polite' });
  const select = h('select', { id: 'provider' }, h('option', { value: '' }, '请选择服务单位'),
    [...known].map(([id, name]) => h('option', { value: id }, name)));
  const input = h('input', { id: 'provider-id', placeholder: '或输入服务单位编号', maxlength: 64 });
  const latest = latestOnly();
  const load = async (id: string) => {
    if (!id) return;
    show(out, h('p', { class: 'muted' }, '正在加载…'));
    try {
      const answer = await latest(() => api(`/api/providers/${encodeURIComponent(id)}/rating-trend`));
      if (answer === stale) return; // another provider was chosen while this one loaded
      const trend = normaliseTrend(answer);
      if (!trend.points.length) { show(out, empty('该服务单位还没有评价数据。')); return; }
      const title = `${trend.name ?? known.get(id) ?? id} 满意度平均分趋势（1–5分）`;
      show(out, h('p', null, h('strong', null, title)), trendChart(trend.points, title),
        h('table', null, h('thead', null, h('tr', null, h('th', { scope: 'col' }, '时间'), h('th', { scope: 'col' }, '平均分'), h('th', { scope: 'col' }, '评价数'))),
          h('tbody', null, trend.points.map(p => h('tr', null, h('td', null, p.label), h('td', null, p.average.toFixed(2)), h('td', null, p.count))))));
    } catch (e) { show(out, h('p', { class: 'notice notice-error', role: 'alert' }, (e as Error).message)); }
  };
  select.addEventListener('change', () => void load(select.value));
  input.addEventListener('change', () => void load(input.value.trim()));
  // Start with a provider that has overdue complaints (the one most likely to need a look), else the first.
  const first = pick<string>(itemsOf(overdue)[0], 'organisationId') ?? [...known.keys()][0];
  if (first) { select.value = first; void load(first); }
  return [h('label', { for: 'provider' }, '服务单位'), select, h('label', { for: 'provider-id', class: 'sr-only' }, '服务单位编号'), input, out];
}
