import { describe, expect, it } from 'vitest';
import { date, money, query } from '../src/lib/format';
import { ApiError, describeProblem } from '../src/lib/problem';
import { decodeClaims, isExpired, roles } from '../src/lib/session';
import { newIdempotencyKey } from '../src/rating/key';
import { normaliseTrend } from '../src/staff/trend';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('idempotency keys', () => {
  it('are UUID v4 and different each time', () => {
    const a = newIdempotencyKey(), b = newIdempotencyKey();
    expect(a).toMatch(UUID);
    expect(a).not.toBe(b);
  });

  it('are made from random bytes where randomUUID is missing (plain http on a LAN address)', () => {
    const key = newIdempotencyKey({ getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(key).toMatch(UUID);
  });
});

describe('error messages', () => {
  it('explain a lost connection in Chinese', () => {
    expect(new ApiError(0).message).toBe('网络连接失败，请检查网络后重试。');
    expect(new ApiError(0).isTransient).toBe(true);
  });

  it('use the API\'s own Chinese title and detail', () => {
    expect(describeProblem(404, { title: '项目不存在', detail: '没有编号为 X 的公开项目' })).toBe('项目不存在：没有编号为 X 的公开项目');
  });

  it('replace framework English defaults (e.g. an endpoint not built yet)', () => {
    expect(describeProblem(404, { title: 'Not Found' })).toBe('没有找到相关内容，该功能可能尚未开放。');
    expect(describeProblem(401)).toContain('登录');
    expect(describeProblem(403)).toContain('权限');
    expect(describeProblem(502)).toContain('服务器');
  });

  it('list field errors of a validation problem', () => {
    expect(describeProblem(400, { title: 'One or more validation errors occurred.', errors: { comment: ['留言不能超过500个字'] } }))
      .toBe('留言不能超过500个字');
  });

  it('mark only passing failures as worth retrying', () => {
    expect([0, 408, 429, 500, 503].every(s => new ApiError(s).isTransient)).toBe(true);
    expect([400, 401, 403, 404, 409, 410].some(s => new ApiError(s).isTransient)).toBe(false);
  });
});

describe('session claims', () => {
  const jwt = (payload: object) => `x.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.y`;

  it('reads Chinese names and one or several roles from the token', () => {
    const claims = decodeClaims(jwt({ sub: 'staff', name: '民政局 李科长', role: ['purchaser', 'admin'], exp: 2000000000 }));
    expect(claims?.name).toBe('民政局 李科长');
    expect(roles(claims)).toEqual(['purchaser', 'admin']);
    expect(roles(decodeClaims(jwt({ role: 'organisation' })))).toEqual(['organisation']);
  });

  it('treats a garbled or expired token as signed out', () => {
    expect(decodeClaims('not-a-token')).toBeNull();
    expect(isExpired(decodeClaims(jwt({ exp: 100 })), 200)).toBe(true);
  });
});

describe('formats', () => {
  it('show money in 万元 and dates in Chinese', () => {
    expect(money(450000)).toBe('45万元');
    expect(money(1234.5)).toBe('1234.5元');
    expect(money(undefined)).toBe('—');
    expect(date('2025-03-01T08:00:00')).toBe('2025年3月1日');
    expect(query({ q: '养老', region: '', take: 20 })).toBe('?q=%E5%85%BB%E8%80%81&take=20');
  });
});

describe('rating trend', () => {
  it('accepts a list or an object with points, and drops unusable points', () => {
    const t = normaliseTrend({ providerName: '夕阳红', points: [{ month: '2025-01', average: 4.2, count: 10 }, { month: '2025-02', average: null }] });
    expect(t).toEqual({ name: '夕阳红', points: [{ label: '2025-01', average: 4.2, count: 10 }] });
    expect(normaliseTrend([{ period: 'Q1', averageScore: 3 }]).points).toEqual([{ label: 'Q1', average: 3, count: 0 }]);
    expect(normaliseTrend(null).points).toEqual([]);
  });
});
