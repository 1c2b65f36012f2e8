import '../styles/base.css';
import '../styles/pages.css';
import { api, ApiError } from '../lib/api';
import { chatLink } from '../lib/chatlink';
import { $, h, show } from '../lib/dom';
import { date, dateTime, money } from '../lib/format';
import { CASE_STATUS_LABELS, ORG_STATUS_LABELS, label } from '../lib/labels';
import { empty, itemsOf, pick, section } from '../lib/section';
import type { Claims } from '../lib/session';
import { signOut, withSignIn } from '../lib/signin';
import { registerServiceWorker } from '../lib/sw-register';
import { projectCard } from '../projects/card';
import type { Page, ProjectSummary } from '../projects/model';

const app = $('#app');
const ROLES = ['organisation', 'admin'];
const HINT = '承接机构（社会组织、企业）账号登录后可查看登记状态、可报名项目、投标和整改。演示账号：org，密码 demo。';
const again = () => signOut(app, ROLES, HINT, render);
registerServiceWorker();
withSignIn(app, ROLES, HINT, render);

function render(claims: Claims) {
  const orgId = claims.org ?? '';
  if (!orgId) { show(app, h('p', { class: 'notice notice-error', role: 'alert' }, '当前账号没有关联承接机构。'), h('button', { type: 'button', onclick: again }, '换一个账号登录')); return; }
  const org = encodeURIComponent(orgId);
  const eligibility = api<Eligibility>(`/api/organisations/${org}/eligible-projects`);
  show(app,
    h('div', { class: 'userbar' }, h('h1', null, '承接机构'), h('button', { type: 'button', class: 'secondary', onclick: again }, '退出登录')),
    section('登记状态', async () => registration(await api(`/api/organisations/${org}`)), again),
    section('可报名的项目', async () => eligible(await eligibility), again),
    section('我的投标', async () => bids(await eligibility.catch(() => null)), again),
    section('待回应的整改（差评）', async () => cases(await api(`/api/rectifications?organisationId=${org}`)), again),
    section('在咨询助手中使用本账号', async () => chatLink(again), again));
}

interface EligibilityItem { project: ProjectSummary; eligible: boolean; fits: string[]; reasons: string[] }
interface Eligibility { canBid: boolean; blockedReason?: string | null; eligible: EligibilityItem[]; notEligible: EligibilityItem[] }

function registration(org: unknown) {
  const status = pick<string>(org, 'status');
  const reason = pick<string>(org, 'rejectionReason');
  return [
    h('p', null, h('strong', null, pick<string>(org, 'name') ?? '—')),
    h('p', null, '审核状态：', h('span', { class: `badge${status === 'Rejected' ? ' warn' : ''}` }, label(ORG_STATUS_LABELS, status, pick(org, 'statusLabel')))),
    h('p', { class: 'meta' }, `统一社会信用代码：${pick<string>(org, 'creditCode') ?? '—'} · ${pick<string>(org, 'kindLabel') ?? ''}`),
    status === 'Pending' ? h('p', { class: 'notice notice-info' }, '工作人员审核通过后即可投标。') : null,
    reason ? h('p', { class: 'notice notice-error' }, `未通过原因：${reason}`) : null,
  ];
}

function eligible(result: Eligibility) {
  const blocked = !result.canBid ? h('p', { class: 'notice notice-error', role: 'alert' }, result.blockedReason ?? '本机构目前不能投标。') : null;
  const fits = result.eligible.map(e => withNote(projectCard(e.project), `符合：${e.fits.join('；') || '满足项目要求'}`));
  const others = result.notEligible.map(e => withNote(projectCard(e.project), `不符合：${e.reasons.join('；')}`));
  return [
    blocked,
    fits.length ? h('ul', { class: 'plain' }, fits) : empty('目前没有符合本机构条件的可报名项目。'),
    others.length ? h('details', { class: 'stage' }, h('summary', null, `不符合条件的项目（${others.length}）`), h('ul', { class: 'plain' }, others)) : null,
  ];
}

const withNote = (card: HTMLElement, note: string) => { card.append(h('p', { class: 'meta' }, note)); return card; };

/**
 * There is no "all my bids" endpoint: ask for this organisation's bid on each project it could have bid on
 * (the open ones from the eligibility check, and those being evaluated or awarded). 404 means no bid there.
 */
async function bids(result: Eligibility | null) {
  const later = await Promise.all(['EvaluatingBids', 'Awarded', 'Contracted'].map(s =>
    api<Page<ProjectSummary>>(`/api/projects?status=${s}&take=50`).then(p => p.items).catch(() => [])));
  const projects = new Map<string, ProjectSummary>();
  for (const p of [...(result?.eligible ?? []), ...(result?.notEligible ?? [])].map(e => e.project).concat(later.flat())) projects.set(p.id, p);
  const found = (await Promise.all([...projects.values()].map(async p => {
    try { return { project: p, bid: await api<Record<string, unknown>>(`/api/projects/${encodeURIComponent(p.id)}/bids/mine`) }; }
    catch (e) { if (e instanceof ApiError && e.status === 404) return null; throw e; }
  }))).filter(x => x !== null);
  if (!found.length) return empty('还没有投标记录。');
  return h('ul', { class: 'plain' }, found.map(({ project, bid }) => h('li', { class: 'card' },
    h('a', { class: 'project-link', href: `/project.html?id=${encodeURIComponent(project.id)}` }, project.name),
    h('p', { class: 'meta' }, `报价 ${money(pick<number>(bid, 'price'))} · 回执 ${pick<string>(bid, 'receiptNumber') ?? '—'} · ${dateTime(pick<string>(bid, 'submittedAt'))}`),
    h('p', null, '状态：', h('span', { class: 'badge' }, bidStatus(project.status, pick<boolean>(bid, 'awarded')))))));
}

function bidStatus(projectStatus: string, awarded: boolean | undefined): string {
  if (projectStatus === 'Bidding' || projectStatus === 'Published') return '已提交，投标截止后开标';
  if (projectStatus === 'EvaluatingBids') return '评标中';
  return awarded ? '中标' : '未中标';
}

function cases(data: unknown) {
  const items = itemsOf<Record<string, unknown>>(data);
  if (!items.length) return empty('没有需要回应的整改。');
  return h('ul', { class: 'plain' }, items.map(c => {
    const status = pick<string>(c, 'status');
    const complaint = pick<string>(c, 'complaint');
    return h('li', { class: 'card' },
      h('p', null, h('strong', null, `项目 ${pick<string>(c, 'projectId') ?? '—'}`), ' ',
        h('span', { class: `badge${pick<boolean>(c, 'overdue') ? ' warn' : ''}` }, pick<boolean>(c, 'overdue') ? '已逾期' : label(CASE_STATUS_LABELS, status))),
      h('p', { class: 'meta' }, `评价：${pick<string>(c, 'ratingLevel') ?? '—'} · 收到 ${date(pick<string>(c, 'openedAt'))} · 须在 ${date(pick<string>(c, 'dueAt'))} 前回应`),
      complaint ? h('p', { class: 'text' }, `服务对象留言：${complaint}`) : null,
      status === 'Open' ? respondForm(String(pick(c, 'id') ?? ''))
        : pick<string>(c, 'providerResponse') ? h('p', { class: 'text' }, `已回应：${pick<string>(c, 'providerResponse')}`) : null,
      pick<string>(c, 'staffFollowUp') ? h('p', { class: 'text muted' }, `工作人员回访：${pick<string>(c, 'staffFollowUp')}`) : null);
  }));
}

/** The provider's answer to a 差评 (POST /api/rectifications/{id}/respond). */
function respondForm(caseId: string) {
  const id = `resp-${caseId}`;
  const message = h('p', { class: 'field-error', role: 'alert' });
  const form = h('form', null,
    h('label', { for: id }, '整改回应'),
    h('textarea', { id, name: 'response', maxlength: 1000, required: true, placeholder: '说明原因和整改措施' }),
    message,
    h('button', { type: 'submit' }, '提交回应'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const response = (form.elements.namedItem('response') as HTMLTextAreaElement).value.trim();
    if (!response) { message.textContent = '请填写整改情况'; return; }
    try {
      await api(`/api/rectifications/${encodeURIComponent(caseId)}/respond`, { method: 'POST', body: { response } });
      show(form, h('p', { class: 'notice notice-ok', role: 'status' }, '回应已提交，工作人员会跟进回访。'));
    } catch (err) { message.textContent = (err as Error).message; }
  });
  return form;
}
