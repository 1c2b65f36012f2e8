export interface ProjectSummary {
  id: string; name: string; department: string; region: string; catalogueCode?: string; category: string;
  budget: number; method: string; methodLabel: string; status: string; statusLabel: string; bidDeadline?: string | null;
}

export interface Page<T> { items: T[]; total: number; skip: number; take: number }

export interface ProjectDetails extends ProjectSummary {
  year?: number; content: string; serviceStandard: string;
  requirements?: { minYearsEstablished?: number; providerKinds?: string[]; qualifications?: string[]; notes?: string } | null;
  methodJustification?: string | null; performanceTargets: string[]; nextStep?: string; nextActor?: string;
  publishedAt?: string | null; clarificationDeadline?: string | null; awardedAt?: string | null;
  serviceStart?: string | null; serviceEnd?: string | null;
  history?: { from: string; to: string; at: string; reason?: string | null }[];
}

export interface PublishedQuestion { question: string; answer?: string | null; answeredAt?: string | null }

export interface CatalogueItem { code: string; category: string; subcategory?: string; name: string }

export interface ProjectFilters { q: string; region: string; category: string; status: string }

export function filtersFrom(search: string): ProjectFilters {
  const p = new URLSearchParams(search);
  const get = (k: string) => (p.get(k) ?? '').trim().slice(0, 100);
  return { q: get('q'), region: get('region'), category: get('category'), status: get('status') };
}

/** GET /api/disclosure/projects/{id}: the award and the published evaluations. */
export interface ProjectResults {
  award: {
    organisationId: string; providerName: string; creditCode?: string | null; awardedAt: string;
    contractAmount?: number | null; serviceStart?: string | null; serviceEnd?: string | null;
  } | null;
  evaluations: { period: string; compositeScore: number; gradeLabel: string; recipientScore?: number | null; ratingCount: number; tooFewRatings: boolean }[];
}

/** GET /api/disclosure/providers/{id}/ratings (only the totals are shown here). */
export interface ProviderRatings {
  count: number; average?: number | null; satisfactionRate?: number | null; rectificationsOpened: number; rectificationsClosed: number;
}
