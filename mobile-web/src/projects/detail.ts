import '../styles/base.css';
import '../styles/pages.css';
import { api } from '../lib/api';
import { $, h, show } from '../lib/dom';
import { date, money } from '../lib/format';
import { PROVIDER_KIND_LABELS, STATUS_LABELS } from '../lib/labels';
import { empty, section } from '../lib/section';
import { registerServiceWorker } from '../lib/sw-register';
import type { ProjectDetails, PublishedQuestion } from './model';
import { AWARDED, results } from './results';

const app = $('#app');
const id = new URLSearchParams(location.search).get('id')?.trim() ?? '';
registerServiceWorker();
void load();

async function load() {
  if (!id) { show(app, h('p', { class: 'notice notice-error', role: 'alert' }, '缺少项目编号。'), back()); return; }
  try {
    const p = await api<ProjectDetails>(`/api/projects/${encodeURIComponent(id)}`);
    document.title = `${p.name} - 项目公开信息`;
    show(app, back(), details(p), AWARDED.includes(p.status) ? section('结果公开', () => results(p.id)) : null,
      section('公开答疑', () => questions(p.id)));
  } catch (e) {
    show(app, back(), h('p', { class: 'notice notice-error', role: 'alert' }, (e as Error).message));
  }
}

const back = () => h('p', null, h('a', { href: '/' }, '← 返回项目列表'));

function row(term: string, value: string | null | undefined) {
  return value ? [h('dt', null, term), h('dd', null, value)] : [];
}

function details(p: ProjectDetails): HTMLElement {
  const req = p.requirements;
  return h('article', { class: 'card project-details' },
    h('h1', null, p.name),
    h('p', null, h('span', { class: `badge status-${p.status}` }, p.statusLabel)),
    h('dl', { class: 'facts' },
      row('项目编号', p.id), row('购买主体', p.department), row('地区', p.region), row('服务类别', p.category),
      row('预算', money(p.budget)), row('购买方式', p.methodLabel), row('采用该方式的理由', p.methodJustification),
      row('公开日期', p.publishedAt ? date(p.publishedAt) : null), row('答疑截止', p.clarificationDeadline ? date(p.clarificationDeadline) : null),
      row('投标截止', p.bidDeadline ? date(p.bidDeadline) : null), row('定标日期', p.awardedAt ? date(p.awardedAt) : null),
      row('服务期', p.serviceStart || p.serviceEnd ? `${date(p.serviceStart)} 至 ${date(p.serviceEnd)}` : null)),
    h('h2', null, '服务内容'), h('p', { class: 'text' }, p.content || '—'),
    h('h2', null, '服务标准'), h('p', { class: 'text' }, p.serviceStandard || '—'),
    h('h2', null, '承接主体要求'),
    h('ul', null,
      req?.minYearsEstablished ? h('li', null, `成立满${req.minYearsEstablished}年`) : null,
      req?.providerKinds?.length ? h('li', null, `主体类型：${req.providerKinds.map(k => PROVIDER_KIND_LABELS[k] ?? k).join('、')}`) : null,
      (req?.qualifications ?? []).map(q => h('li', null, q)),
      req?.notes ? h('li', null, req.notes) : null),
    h('h2', null, '绩效目标'),
    p.performanceTargets?.length ? h('ul', null, p.performanceTargets.map(t => h('li', null, t))) : empty('未公开绩效目标'),
    p.nextStep ? [h('h2', null, '下一步'), h('p', null, p.nextStep, p.nextActor ? `（${p.nextActor}）` : '')] : null,
    p.history?.length ? [h('h2', null, '进度记录'), h('ol', { class: 'history' }, p.history.map(c =>
      h('li', null, `${date(c.at)} ${STATUS_LABELS[c.from] ?? c.from} → ${STATUS_LABELS[c.to] ?? c.to}`, c.reason ? `：${c.reason}` : '')))] : null);
}

async function questions(projectId: string) {
  const list = await api<PublishedQuestion[]>(`/api/projects/${encodeURIComponent(projectId)}/questions`);
  if (!list.length) return empty('暂无公开的答疑。');
  return h('ol', { class: 'qa' }, list.map(q => h('li', null,
    h('p', { class: 'question' }, h('strong', null, '问：'), q.question),
    h('p', { class: 'answer' }, h('strong', null, '答：'), q.answer ?? '尚未答复'),
    q.answeredAt ? h('p', { class: 'muted small' }, `答复时间：${date(q.answeredAt)}`) : null)));
}
