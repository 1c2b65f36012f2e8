import { date } from '../lib/format';
import { h, srOnly } from '../lib/dom';
import { LEVELS, MAX_COMMENT, isComplaint, levelLabel, type RatingLink } from './model';

const DIMENSION_CHOICES = [
  { score: 5, label: '很好' }, { score: 4, label: '较好' }, { score: 3, label: '一般' }, { score: 2, label: '较差' }, { score: 1, label: '很差' },
];

/** The rating form: five large labelled choices first (one thumb, one tap), the rest optional. */
export function ratingForm(link: RatingLink | null, offline: boolean, fixOf?: { providerResponse: string }): HTMLFormElement {
  const levels = LEVELS.map(l => h('label', { class: `level level-${l.score}` },
    h('input', { type: 'radio', name: 'score', value: l.score }),
    h('span', { class: 'stars', 'aria-hidden': 'true' }, '★'.repeat(l.score) + '☆'.repeat(5 - l.score)),
    h('span', { class: 'level-label' }, l.label),
    srOnly(`${l.score}分，满分5分`)));

  const dimensions = (fixOf ? [] : link?.dimensions ?? []).map((name, i) => h('fieldset', { class: 'dimension' },
    h('legend', null, name),
    h('div', { class: 'dimension-choices' }, DIMENSION_CHOICES.map(c => h('label', { class: 'chip' },
      h('input', { type: 'radio', name: `dim-${i}`, value: c.score, 'data-dimension': name }),
      h('span', null, c.label), srOnly(`${c.score}分`))))));

  return h('form', { class: 'rating-form', novalidate: true, 'aria-describedby': 'rating-intro' },
    header(link),
    fixOf ? h('section', { class: 'notice notice-info' }, h('h2', null, '服务单位的整改回应'), h('p', { class: 'text' }, fixOf.providerResponse)) : null,
    offline ? h('p', { class: 'notice notice-info', role: 'status' }, '现在网络不通：您仍然可以评价，评价会保存在手机上，联网后自动发送。') : null,
    h('fieldset', { class: 'levels', 'aria-describedby': 'score-error' },
      h('legend', null, fixOf ? '您对整改结果满意吗？' : '您对这次服务满意吗？'),
      levels),
    h('p', { class: 'field-error', id: 'score-error', 'aria-live': 'assertive' }),
    dimensions.length ? h('details', { class: 'dimensions' }, h('summary', null, '分项评价（可选）'), dimensions) : null,
    h('label', { class: 'comment-label', for: 'comment' }, '想说的话（可选）'),
    h('input', {
      id: 'comment', name: 'comment', type: 'text', maxlength: MAX_COMMENT, autocomplete: 'off',
      enterkeyhint: 'send', placeholder: '例如：服务很细心', 'aria-describedby': 'comment-error',
    }),
    h('p', { class: 'field-error', id: 'comment-error', 'aria-live': 'assertive' }),
    h('button', { type: 'submit', class: 'submit' }, '提交'),
    h('p', { class: 'privacy' }, '您的评价是匿名的，服务单位不会知道您是谁。'));
}

function header(link: RatingLink | null): HTMLElement {
  return h('header', { class: 'rating-header', id: 'rating-intro' },
    h('h1', null, '服务满意度评价'),
    link ? h('p', { class: 'service' }, link.serviceName || link.projectName) : null,
    link ? h('p', { class: 'provider' }, `服务单位：${link.providerName}`) : null,
    link?.visit ? h('p', { class: 'visit' }, `服务时间：${link.visit}`) : null);
}

/** What happens next after a 不满意 / 非常不满意, in plain words. */
export function complaintNote(score: number, days: number | undefined, dueAt?: string | null): HTMLElement | null {
  if (!isComplaint(score)) return null;
  const when = days ? `${days}个工作日内` : '规定的工作日内';
  const due = dueAt ? `（${date(dueAt)}前）` : '';
  return h('p', { class: 'notice notice-info complaint' },
    `您选择了“${levelLabel(score)}”。服务单位必须在${when}${due}回应并整改，工作人员会给您回电了解情况。`);
}

export function resultPanel(title: string, ...lines: (HTMLElement | string | null)[]): HTMLElement {
  const heading = h('h1', { tabindex: '-1', class: 'result-title' }, title);
  return h('section', { class: 'result', 'aria-labelledby': 'result-title' },
    Object.assign(heading, { id: 'result-title' }), lines.map(l => typeof l === 'string' ? h('p', null, l) : l));
}
