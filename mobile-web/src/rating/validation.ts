import { MAX_COMMENT } from './model';

export interface RatingDraft {
  score: number | null;
  dimensions: Record<string, number | null>;
  comment: string;
}

export type RatingErrors = Partial<Record<'score' | 'comment' | 'dimensions', string>>;

const isScore = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;

/** Same rules as the API (score 1..5, known dimensions 1..5, comment ≤ 500), with messages for the person holding the phone. */
export function validateRating(draft: RatingDraft, allowedDimensions: readonly string[] | null): RatingErrors {
  const errors: RatingErrors = {};
  if (!isScore(draft.score)) errors.score = '请先选择一个满意程度';
  const comment = normaliseComment(draft.comment);
  // .NET counts UTF-16 code units, as String.length does.
  if (comment.length > MAX_COMMENT) errors.comment = `留言最多${MAX_COMMENT}个字，现在有${comment.length}个字`;
  for (const [name, value] of Object.entries(draft.dimensions)) {
    if (value === null) continue;
    if (allowedDimensions && !allowedDimensions.includes(name)) errors.dimensions = `没有“${name}”这一项`;
    else if (!isScore(value)) errors.dimensions = `“${name}”请选择1到5分`;
  }
  return errors;
}

/** Plain text on one line: control characters and surrounding spaces removed (it is never rendered as HTML anyway). */
export function normaliseComment(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Only the dimensions the person answered are sent: an unanswered question is not a score. */
export function answeredDimensions(draft: RatingDraft): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(draft.dimensions)) if (isScore(value)) out[name] = value;
  return out;
}
