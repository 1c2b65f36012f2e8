import '../styles/base.css';
import './rating.css';
import { api, ApiError, read } from '../lib/api';
import { $, h, notice, show } from '../lib/dom';
import { registerServiceWorker } from '../lib/sw-register';
import { isComplaint, levelLabel, type RatingBody, type RatingLink, type RatingResult } from './model';
import { openBestOutbox, type Outbox } from './outbox';
import { flushOutbox, submitRating, type Outcome } from './sender';
import { answeredDimensions, normaliseComment, validateRating, type RatingDraft } from './validation';
import { complaintNote, ratingForm, resultPanel } from './view';

const app = $('#app');
const token = new URLSearchParams(location.search).get('t')?.trim() ?? '';
const send = (body: RatingBody) => api<RatingResult>('/api/ratings', { method: 'POST', body, timeoutMs: 15000 });
const ratedKey = `assistant.rated.${token}`;
let link: RatingLink | null = null;
let fixCaseId: string | undefined;

void start();
registerServiceWorker();

async function start() {
  if (!token || token.length > 512) {
    show(app, resultPanel('链接不完整', '请重新扫描服务人员出示的二维码。'));
    return;
  }
  const outbox = await openBestOutbox();
  const waiting = await outbox.forToken(token);
  if (waiting) {
    showQueued(waiting.body.score, waiting.rectificationDays, !!waiting.body.rectificationCaseId);
    watch(outbox);
    return;
  }
  try {
    // rating.html's inline script already asked for the link while this module was downloading (one round trip saved).
    const early = (window as { ratingLink?: Promise<Response> }).ratingLink;
    link = early ? await Promise.race([read<RatingLink>(early), giveUpAfter(10000)]) : await api<RatingLink>(`/api/ratings/links/${encodeURIComponent(token)}`, { timeoutMs: 10000 });
  } catch (e) {
    const error = e as ApiError;
    if (!error.isNetwork) {
      const title = error.status === 410 ? '评价链接已过期' : error.status === 404 ? '评价链接无效' : '暂时无法打开评价';
      show(app, resultPanel(title, error.message, '如有需要，请联系服务人员或拨打民政服务热线。'));
      return;
    }
    // Offline before the link loaded: still let her rate (the server checks the link when the rating arrives),
    // unless this phone already sent a rating for it. Online, the server's alreadyRated decides (a card on the
    // fridge may be rated again on the next visit).
    const remembered = readRemembered();
    if (remembered) {
      show(app, resultPanel('谢谢您，这次服务已经评价过了', `您的评价（${levelLabel(remembered.score)}）已提交成功。`));
      return;
    }
  }
  const fix = link?.rectification;
  const fixToRate = fix && fix.providerResponse && !fix.fixRated ? { providerResponse: fix.providerResponse } : undefined;
  if (link?.alreadyRated && !fixToRate) {
    show(app, resultPanel('这次服务已经评价过了', '谢谢您！每次服务只计一次评价。'));
    return;
  }
  fixCaseId = fixToRate ? fix!.caseId : undefined;
  const form = ratingForm(link, link === null, fixToRate);
  form.addEventListener('submit', e => { e.preventDefault(); void onSubmit(form, outbox); });
  show(app, form);
  void flushOutbox(outbox, send); // ratings left from earlier links
}

async function onSubmit(form: HTMLFormElement, outbox: Outbox) {
  const draft = readDraft(form);
  const errors = validateRating(draft, link?.dimensions ?? null);
  $('#score-error').textContent = errors.score ?? '';
  $('#comment-error').textContent = errors.comment ?? errors.dimensions ?? '';
  if (errors.score) { form.querySelector<HTMLInputElement>('input[name=score]')?.focus(); return; }
  if (errors.comment || errors.dimensions) return;

  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  button.disabled = true; // one tap is one rating
  button.textContent = '正在提交…';
  const comment = normaliseComment(draft.comment);
  const outcome = await submitRating(outbox, send, {
    token, score: draft.score!, dimensions: answeredDimensions(draft), ...(comment ? { comment } : {}),
    ...(fixCaseId ? { rectificationCaseId: fixCaseId } : {}),
  }, { rectificationDays: fixCaseId ? undefined : link?.rectificationDays });
  render(outcome);
  if (outcome.kind === 'queued') watch(outbox);
}

function render(outcome: Outcome) {
  const score = outcome.entry.body.score;
  const days = outcome.entry.rectificationDays;
  switch (outcome.kind) {
    case 'sent':
      remember(score);
      show(app, resultPanel('谢谢您的评价！', `您的评价（${levelLabel(score)}）已提交成功。`,
        outcome.entry.body.rectificationCaseId ? '工作人员会继续跟进整改情况。' : complaintNote(score, days, outcome.result.rectificationDueAt)));
      break;
    case 'queued':
      showQueued(score, days, !!outcome.entry.body.rectificationCaseId);
      break;
    case 'duplicate':
      remember(score);
      show(app, resultPanel('这次服务已经评价过了', '谢谢您！每次服务只计一次评价，不会重复计算。'));
      break;
    case 'rejected':
      show(app, resultPanel('评价没有提交成功', outcome.error.message, '请重新扫描二维码，或联系服务人员。'));
      break;
  }
  app.querySelector<HTMLElement>('.result-title')?.focus();
}

function showQueued(score: number, days?: number, isFix = false) {
  show(app, resultPanel('评价已保存在手机上',
    notice('现在网络不通。您的评价已经安全地保存在这部手机上，联网后会自动发送，不会丢失，也不会重复计算。', 'info'),
    `您的选择：${levelLabel(score)}。`,
    isComplaint(score) && !isFix ? complaintNote(score, days) : null,
    h('p', { class: 'muted' }, '您可以关闭页面；下次打开本页面时也会自动发送。')));
}

/** Retries when the phone says it is back online, and every 15 s in case that event never comes. */
function watch(outbox: Outbox) {
  const attempt = async () => {
    const outcomes = await flushOutbox(outbox, send);
    const mine = outcomes.find(o => o.entry.token === token);
    if (mine && mine.kind !== 'queued') {
      window.removeEventListener('online', attempt);
      clearInterval(timer);
      render(mine);
    }
  };
  window.addEventListener('online', attempt);
  const timer = setInterval(attempt, 15000);
  if (navigator.onLine) void attempt();
}

function readDraft(form: HTMLFormElement): RatingDraft {
  const checked = form.querySelector<HTMLInputElement>('input[name=score]:checked');
  const dimensions: Record<string, number | null> = {};
  for (const name of link?.dimensions ?? []) dimensions[name] = null;
  form.querySelectorAll<HTMLInputElement>('input[data-dimension]:checked')
    .forEach(i => { dimensions[i.dataset.dimension!] = Number(i.value); });
  return { score: checked ? Number(checked.value) : null, dimensions, comment: form.querySelector<HTMLInputElement>('#comment')?.value ?? '' };
}

function remember(score: number) {
  try { localStorage.setItem(ratedKey, JSON.stringify({ score, at: new Date().toISOString() })); } catch { /* private mode */ }
}

function readRemembered(): { score: number } | null {
  try { return JSON.parse(localStorage.getItem(ratedKey) ?? 'null') as { score: number } | null; } catch { return null; }
}

/** A slow network that never answers is treated like no network: she can still rate, and it is queued. */
function giveUpAfter(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new ApiError(0)), ms));
}
