import '../styles/base.css';
import '../styles/pages.css';
import { api } from '../lib/api';
import { $, h, show } from '../lib/dom';
import { date, dateTime, money } from '../lib/format';
import { BID_STATUS_LABELS, CASE_STATUS_LABELS, ORG_STATUS_LABELS, label } from '../lib/labels';
import { empty, itemsOf, pick, section } from '../lib/section';
import type { Claims } from '../lib/session';
import { signOut, withSignIn } from '../lib/signin';
import { registerServiceWorker } from '../lib/sw-register';
import { projectCard } from '../projects/card';
import type { ProjectSummary } from '../projects/model';

const app = $('#app');
const ROLES = ['organisation', 'admin'];
const HINT = '承接机构（社会组织、企业）账号登录后可查看登记状态、可报名项目、投标和整改。演示账号：org，密码 demo。';
const again = () => signOut(app, ROLES, HINT, render);
registerServiceWorker();
withSignIn(app, ROLES, HINT, render);

function render(claims: Claims) {
  const me = api<Record<string, unknown>>('/api/organisations/me');
  const orgId = async () => pick<string>(await me.catch(() => null), 'id') ?? claims.org ?? '';
  show(app,
    h('div', { class: 'userbar' }, h('h1', null, '承接机构'), h('button', { type: 'button', class: 'secondary', onclick: again }, '退出登录')),
    section('登记状态', async () => registration(await me), again),
    section('可报名的项目', async () => eligible(await orgId()), again),
    section('我的投标', async () => bids(await orgId()), again),
    section('待回应的整改（差评）', async () => cases(await orgId()), again));
}

function registration(org: Record<string, unknown>) {
  const status = pick<string>(org, 'status');
  const reason = pick<string>(org, 'rejectionReason', 'reviewNote', 'reason');
  return [
    h('p', null, h('strong', null, pick<string>(org, 'name') ?? '—')),
    h('p', null, '审核状态：', h('span', { class: `badge${status === 'Rejected' ? ' warn' : ''}` }, label(ORG_STATUS_LABELS, status, pick(org, 'statusLabel')))),
    h('p', { class: 'meta' }, `统一社会信用代码：${pick<string>(org, 'creditCode') ?? '—'}`),
    reason ? h('p', { class: 'notice notice-info' }, reason) : null,
  ];
}

async function eligible(orgId: string) {
  const items = itemsOf<ProjectSummary & { reasons?: string[]; why?: string }>(
    await api(`/api/organisations/${encodeURIComponent(orgId)}/eligible-projects`));
  if (!items.length) return empty('目前没有符合本机构条件的可报名项目。');
  return h('ul', { class: 'plain' }, items.map(p => {
    const card = projectCard(p);
    const why = p.why ?? p.reasons?.join('；');
    if (why) card.append(h('p', { class: 'meta' }, `符合原因：${why}`));
    return card;
  }));
}

async function bids(orgId: string) {
  const items = itemsOf<Record<string, unknown>>(await api(`/api/organisations/${encodeURIComponent(orgId)}/bids`));
  if (!items.length) return empty('还没有投标记录。');
  return h('ul', { class: 'plain' }, items.map(b => h('li', { class: 'card' },
    h('p', null, h('strong', null, pick<string>(b, 'projectName', 'projectId') ?? '—')),
    h('p', { class: 'meta' }, `报价 ${money(pick<number>(b, 'amount', 'price'))} · 提交于 ${dateTime(pick<string>(b, 'submittedAt', 'createdAt'))}`),
    h('p', null, '状态：', h('span', { class: 'badge' }, label(BID_STATUS_LABELS, pick(b, 'status'), pick(b, 'statusLabel')))))));
}

async function cases(orgId: string) {
  const items = itemsOf<Record<string, unknown>>(await api(`/api/rectifications?organisationId=${encodeURIComponent(orgId)}`));
  if (!items.length) return empty('没有需要回应的整改。');
  return h('ul', { class: 'plain' }, items.map(c => {
    const status = pick<string>(c, 'status');
    const comment = pick<string>(c, 'comment', 'ratingComment');
    return h('li', { class: 'card' },
      h('p', null, h('strong', null, pick<string>(c, 'projectName', 'projectId') ?? '—'), ' ',
        h('span', { class: `badge${pick<boolean>(c, 'overdue', 'isOverdue') ? ' warn' : ''}` }, label(CASE_STATUS_LABELS, status, pick(c, 'statusLabel')))),
      h('p', { class: 'meta' }, `收到 ${date(pick<string>(c, 'openedAt'))} · 须在 ${date(pick<string>(c, 'dueAt'))} 前回应`),
      comment ? h('p', { class: 'text' }, `服务对象留言：${comment}`) : null,
      status === 'Open' ? respondForm(String(pick(c, 'id') ?? '')) : h('p', { class: 'text' }, `已回应：${pick<string>(c, 'providerResponse', 'response') ?? '—'}`));
  }));
}

/** The provider's answer to a 差评; the endpoint belongs to the ratings feature (message shown if it is missing). */
function respondForm(caseId: string) {
  const id = `resp-${caseId}`;
  const message = h('p', { role: 'status' });
  const form = h('form', null,
    h('label', { for: id }, '整改回应'),
    h('textarea', { id, name: 'response', maxlength: 1000, required: true }),
    message,
    h('button', { type: 'submit' }, '提交回应'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const response = (form.elements.namedItem('response') as HTMLTextAreaElement).value.trim();
    if (!response) { message.textContent = '请填写整改情况'; return; }
    try {
      await api(`/api/rectifications/${encodeURIComponent(caseId)}/response`, { method: 'POST', body: { response } });
      show(form, h('p', { class: 'notice notice-ok' }, '回应已提交。'));
    } catch (err) { message.textContent = (err as Error).message; }
  });
  return form;
}
