// Turns any failed call into one clear Chinese sentence; pure so it can be unit tested.
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number, // 0 = no answer (offline, timeout, DNS)
    readonly problem: ProblemDetails = {},
  ) {
    super(describeProblem(status, problem));
    this.name = 'ApiError';
  }

  get isNetwork(): boolean { return this.status === 0; }
  /** Worth sending again later: no answer, or the server was briefly unable. */
  get isTransient(): boolean { return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500; }
  get fieldErrors(): Record<string, string[]> { return this.problem.errors ?? {}; }
}

const hasChinese = (s: string | undefined): s is string => !!s && /[\u4e00-\u9fff]/.test(s);

export function describeProblem(status: number, problem: ProblemDetails = {}): string {
  if (status === 0) return '网络连接失败，请检查网络后重试。';
  // Our endpoints answer in Chinese; framework defaults ("Not Found") are replaced by a sentence the user understands.
  const own = [problem.title, problem.detail].filter(hasChinese);
  const fields = Object.values(problem.errors ?? {}).flat().filter(hasChinese);
  if (status === 400 && fields.length) return fields.join('；');
  if (own.length) return own.join('：');
  switch (status) {
    case 400: return '提交的内容有误，请检查后重试。';
    case 401: return '请先登录，或登录已过期，请重新登录。';
    case 403: return '您没有权限查看或操作此内容。';
    case 404: return '没有找到相关内容，该功能可能尚未开放。';
    case 409: return '该操作已完成过，不能重复提交。';
    case 410: return '该链接已过期。';
    case 429: return '操作太频繁，请稍后再试。';
    default: return status >= 500 ? '服务器暂时出错，请稍后再试。' : `请求失败（${status}），请稍后再试。`;
  }
}
