import { describe, expect, it } from 'vitest';
import { answeredDimensions, normaliseComment, validateRating } from '../src/rating/validation';

const dims = ['服务态度', '及时性', '专业水平'];

describe('rating validation', () => {
  it('asks for a choice when no score was picked', () => {
    expect(validateRating({ score: null, dimensions: {}, comment: '' }, dims).score).toBe('请先选择一个满意程度');
  });

  it('accepts one tap and nothing else (dimensions and comment are optional)', () => {
    expect(validateRating({ score: 4, dimensions: { 服务态度: null }, comment: '' }, dims)).toEqual({});
  });

  it.each([0, 6, 2.5, NaN])('refuses score %s', score => {
    expect(validateRating({ score, dimensions: {}, comment: '' }, dims).score).toBeDefined();
  });

  it('limits the comment to 500 characters and says how many there are', () => {
    const errors = validateRating({ score: 3, dimensions: {}, comment: '凉'.repeat(501) }, dims);
    expect(errors.comment).toBe('留言最多500个字，现在有501个字');
    expect(validateRating({ score: 3, dimensions: {}, comment: '凉'.repeat(500) }, dims)).toEqual({});
  });

  it('refuses a dimension the link does not ask about, or out of range', () => {
    expect(validateRating({ score: 3, dimensions: { 价格: 3 }, comment: '' }, dims).dimensions).toContain('价格');
    expect(validateRating({ score: 3, dimensions: { 及时性: 9 }, comment: '' }, dims).dimensions).toContain('及时性');
  });

  it('keeps comments as plain text on one line', () => {
    expect(normaliseComment('  饭菜凉了\n<b>太慢</b>\u0007 ')).toBe('饭菜凉了 <b>太慢</b>');
  });

  it('sends only the dimensions that were answered', () => {
    expect(answeredDimensions({ score: 2, dimensions: { 服务态度: 2, 及时性: null }, comment: '' })).toEqual({ 服务态度: 2 });
  });
});
