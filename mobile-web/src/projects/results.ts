import { api } from '../lib/api';
import { h } from '../lib/dom';
import { date, money } from '../lib/format';
import { empty } from '../lib/section';
import type { ProjectResults, ProviderRatings } from './model';

/** Statuses from which a project has an award to disclose. */
export const AWARDED = ['Awarded', 'Contracted', 'InService', 'Evaluated', 'Closed'];

const row = (term: string, value: string | null | undefined) => value ? [h('dt', null, term), h('dd', null, value)] : [];

/** 结果公开: from whom, for how much, and how well it went (award, the provider's ratings, published evaluations). */
export async function results(projectId: string) {
  const r = await api<ProjectResults>(`/api/disclosure/projects/${encodeURIComponent(projectId)}`);
  const a = r.award;
  // The ratings are a second, optional read: without them the award and evaluations still show.
  const ratings = a ? await api<ProviderRatings>(`/api/disclosure/providers/${encodeURIComponent(a.organisationId)}/ratings`).catch(() => null) : null;
  return [
    a ? h('dl', { class: 'facts' },
      row('中标（成交）单位', a.providerName), row('统一社会信用代码', a.creditCode), row('定标日期', date(a.awardedAt)),
      row('合同金额', a.contractAmount == null ? null : money(a.contractAmount)),
      row('合同服务期', a.serviceStart || a.serviceEnd ? `${date(a.serviceStart)} 至 ${date(a.serviceEnd)}` : null))
      : empty('尚未公布中标结果。'),
    ratings?.count ? h('p', { class: 'meta' },
      `该单位的服务对象满意度（全部项目）：平均 ${ratings.average?.toFixed(2) ?? '—'} 分（满分5分），共 ${ratings.count} 条评价` +
      `${ratings.satisfactionRate == null ? '' : `，满意率 ${ratings.satisfactionRate}%`}；差评 ${ratings.rectificationsOpened} 件，已整改办结 ${ratings.rectificationsClosed} 件。`) : null,
    h('h3', null, '绩效评价结果'),
    r.evaluations.length
      ? h('div', { class: 'table-scroll' }, h('table', null,
        h('thead', null, h('tr', null, ['评价期', '综合得分', '等级', '服务对象评分'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', null, r.evaluations.map(e => h('tr', null,
          h('td', null, e.period === 'contract' ? '整个合同期' : e.period), h('td', null, e.compositeScore.toFixed(2)), h('td', null, e.gradeLabel),
          h('td', null, e.tooFewRatings || e.recipientScore == null ? `评价不足（${e.ratingCount}条），未计入` : `${e.recipientScore.toFixed(2)}（${e.ratingCount}条）`))))))
      : empty('尚未发布绩效评价结果。'),
  ];
}
