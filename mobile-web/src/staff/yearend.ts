import { api } from '../lib/api';
import { h, notice } from '../lib/dom';
import { money } from '../lib/format';
import { empty, itemsOf, pick } from '../lib/section';
import { getToken } from '../lib/session';

type Row = Record<string, unknown>;

/** 年终统计: the department's year-end table from /api/reports/year-end/{year}, with CSV and XLSX downloads. */
export async function yearEnd() {
  const year = new Date().getFullYear();
  const report = await api<Row>(`/api/reports/year-end/${year}`);
  const rows = itemsOf<Row>(pick(report, 'departments'));
  const total = pick<Row>(report, 'total');
  if (!rows.length) return empty(`${year}年暂无统计数据。`);
  const cells = (r: Row) => [
    h('td', null, String(pick(r, 'projects') ?? 0)),
    h('td', null, money(Number(pick(r, 'budget') ?? 0))),
    h('td', null, money(Number(pick(r, 'contractAmount') ?? 0))),
    h('td', null, pick(r, 'averageSatisfaction') == null ? '—' : Number(pick(r, 'averageSatisfaction')).toFixed(2)),
  ];
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  return [
    h('div', { class: 'table-scroll' }, h('table', { class: 'yearend' },
      h('caption', null, `${year}年度政府购买服务统计`),
      h('thead', null, h('tr', null, ['单位', '项目数', '预算', '合同金额', '平均满意度'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', null, rows.map(r => h('tr', null, h('th', { scope: 'row' }, String(pick(r, 'department') ?? '')), cells(r)))),
      total ? h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, '合计'), cells(total))) : null)),
    h('p', null,
      h('button', { type: 'button', class: 'secondary', onclick: () => void download(`/api/reports/year-end/${year}.xlsx`, `年终统计-${year}.xlsx`, status) }, '下载 Excel'),
      ' ',
      h('button', { type: 'button', class: 'secondary', onclick: () => void download(`/api/reports/year-end/${year}.csv`, `年终统计-${year}.csv`, status) }, '下载 CSV')),
    status,
  ];
}

/** Downloads need the bearer token, so they are fetched and handed to the browser as a file. */
async function download(path: string, name: string, status: HTMLElement) {
  status.replaceChildren('正在准备下载…');
  try {
    const response = await fetch(path, { headers: { Authorization: `Bearer ${getToken() ?? ''}` } });
    if (!response.ok) throw new Error(`下载失败（${response.status}），请稍后再试`);
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.replaceChildren('已开始下载。');
  } catch (e) {
    status.replaceChildren(notice((e as Error).message, 'error'));
  }
}
