// Chinese labels for enum names the API sends as strings (same as Assistant.Contracts.Domain.DomainText).
export const STATUS_LABELS: Record<string, string> = {
  Draft: '草稿', Published: '已公开', Bidding: '投标中', EvaluatingBids: '评标中', Awarded: '已定标',
  Contracted: '已签合同', InService: '服务中', Evaluated: '已评价', Closed: '已结项', Cancelled: '已取消', Unsuccessful: '流标',
};

export const PROVIDER_KIND_LABELS: Record<string, string> = { SocialOrganisation: '社会组织', Enterprise: '企业', Institution: '事业单位' };

export const ORG_STATUS_LABELS: Record<string, string> = { Pending: '待审核', Verified: '已审核通过', Rejected: '未通过审核' };


export const CASE_STATUS_LABELS: Record<string, string> = { Open: '待回应', Responded: '已回应', Closed: '已结案' };

export const label = (map: Record<string, string>, value: unknown, fallback?: unknown): string =>
  (typeof fallback === 'string' && fallback) || (typeof value === 'string' ? map[value] ?? value : '—');
