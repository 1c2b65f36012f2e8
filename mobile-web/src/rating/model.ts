export interface RatingLink {
  contractId: string;
  projectName: string;
  providerName: string;
  serviceName: string;
  category: string;
  dimensions: string[];
  visit?: string | null;
  expiresAt: string;
  alreadyRated: boolean;
  rectificationDays: number;
  /** Set when this link's rating opened a 整改 case: once the provider has answered, she may rate the fix. */
  rectification?: { caseId: string; status: string; providerResponse?: string | null; fixRated: boolean } | null;
}

export interface RatingBody {
  token: string;
  idempotencyKey: string;
  score: number;
  dimensions: Record<string, number>;
  comment?: string;
  /** Rating the provider's fix of this case rather than the service itself. */
  rectificationCaseId?: string;
}

export interface RatingResult {
  id: string;
  score: number;
  rectificationCaseId?: string | null;
  rectificationDueAt?: string | null;
}

/** The five levels, best first, as the API scores them (5 非常满意 … 1 非常不满意). */
export const LEVELS = [
  { score: 5, label: '非常满意', face: '😄' },
  { score: 4, label: '满意', face: '🙂' },
  { score: 3, label: '基本满意', face: '😐' },
  { score: 2, label: '不满意', face: '🙁' },
  { score: 1, label: '非常不满意', face: '😞' },
] as const;

export const levelLabel = (score: number) => LEVELS.find(l => l.score === score)?.label ?? '';

/** 不满意 and 非常不满意 open a rectification case the provider must answer. */
export const isComplaint = (score: number) => score <= 2;

export const MAX_COMMENT = 500;
