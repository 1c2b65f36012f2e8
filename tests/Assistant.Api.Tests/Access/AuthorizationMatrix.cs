namespace Assistant.Api.Tests.Access;

/// <summary>
/// Who may call what. One entry per endpoint ("METHOD /route/{pattern}" as routed), with a concrete sample request and the
/// outcome per caller:
///   anon    no credentials               bot     bot key, no linked user (public only)
///   org     org-kangle's user            orgB    org-yangguang's user (another organisation)
///   botOrg  bot acting for org           staff   purchaser of 上虞区民政局 (owns the sample projects)
///   staffB  purchaser of 咸宁市民政局      finance, admin
/// Outcomes: ok = 2xx; pass = allowed through, business rules may still refuse (2xx, 400, 409, 410, 422);
/// deny = 401/403/404 (404 where existence is hidden); or an exact status. "*" sets the default for callers not named.
/// Placeholders in Url and Body strings ({ratingToken}) are filled by AuthorizationMatrixTests.SampleValuesAsync;
/// {caller} in a body becomes the caller's name (distinct idempotency keys, so a replay is not mistaken for a change).
/// Recipients have no account: they hold a rating-link token, so they are "anon" with a token in the URL or body.
/// Sample ids come from the demo data: SY-2025-001 (InService, 上虞区民政局, awarded to org-kangle, contract
/// HT-SY-2025-001, ratings demo-HT-SY-2025-001-0..11, open 差评 case ZG-HT-SY-2025-001-11).
/// </summary>
public static class AuthorizationMatrix
{
    public sealed record Entry(string Url, string Expect, object? Body = null, bool Audited = true)
    {
        private readonly Dictionary<string, string> _parsed = Parse(Expect);

        public string For(string caller) => _parsed.GetValueOrDefault(caller) ?? _parsed.GetValueOrDefault("*")
            ?? throw new InvalidOperationException($"No outcome for caller '{caller}' in “{Expect}”: name it or give a '*' default");

        private static Dictionary<string, string> Parse(string expect)
        {
            var result = new Dictionary<string, string>();
            foreach (var part in expect.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var (callers, outcome) = (part[..part.IndexOf(':')], part[(part.IndexOf(':') + 1)..]);
                foreach (var caller in callers.Split(',')) result[caller] = outcome;
            }
            return result;
        }
    }

    public static bool Matches(string expected, int status) => expected switch
    {
        "ok" => status is >= 200 and < 300,
        "pass" => status is >= 200 and < 300 or 400 or 409 or 410 or 422,
        "deny" => status is 401 or 403 or 404,
        _ => int.TryParse(expected, out var exact) && exact == status,
    };

    // Common shapes.
    private const string Public = "*:ok";
    private const string Staff = "*:403 anon:401 staff,staffB,finance,admin:ok";

    public static readonly Dictionary<string, Entry> Entries = new()
    {
        // Sign-in and public reading.
        ["POST /api/auth/token"] = new("/api/auth/token", "*:ok", new { username = "org", password = "demo" }, Audited: false),
        ["GET /api/projects/"] = new("/api/projects?take=5", Public),
        ["GET /api/projects/{id}"] = new("/api/projects/SY-2026-001", Public),
        ["GET /api/catalogue/"] = new("/api/catalogue", Public),
        ["GET /api/catalogue/excluded"] = new("/api/catalogue/excluded", Public),
        ["GET /api/policies/"] = new("/api/policies", Public),
        ["GET /api/policies/answer"] = new("/api/policies/answer?q=承接主体有哪些", Public),
        // Policy upload is multipart: the matrix's JSON body gets 415 once the caller is let through.
        ["POST /api/policies/"] = new("/api/policies", "*:403 anon:401 staff,staffB,finance,admin:415", new { }),

        // Project status and staff lists.
        ["GET /api/projects/{id}/status"] = new("/api/projects/SY-2025-001/status", Public),
        ["GET /api/projects/overdue-award"] = new("/api/projects/overdue-award", Staff),
        ["GET /api/projects/pending-evaluation"] = new("/api/projects/pending-evaluation", Staff),
        ["POST /api/projects/{id}/deadline"] = new("/api/projects/SY-2026-003/deadline",
            "anon:401 bot,org,orgB,botOrg,staffB:403 staff,finance,admin:pass",
            new { bidDeadline = DateTime.UtcNow.AddDays(200), reason = "授权矩阵测试" }),

        // Account linking.
        ["POST /api/account-links/"] = new("/api/account-links", "anon:401 bot:403 *:ok"),
        ["POST /api/account-links/issue"] = new("/api/account-links/issue",
            "anon:401 bot,org,orgB,botOrg,staffB,finance:403 staff,admin:ok", new { username = "staff-2" }),
        ["POST /api/account-links/redeem"] = new("/api/account-links/redeem",
            "anon:401 org,orgB,staff,staffB,finance,admin:403 bot,botOrg:400", new { code = "000000", channelUserId = "matrix" }),

        // Audit trail: staff of the project's department, finance, admin.
        ["GET /api/audit"] = new("/api/audit?projectId=SY-2025-001", "anon:401 bot,org,orgB,botOrg,staffB:403 staff,finance,admin:ok"),

        // Ratings (recipients are anonymous with a link token).
        // {ratingToken} is a real link for HT-SY-2025-001 made by staff before the run: the token is the permission.
        ["POST /api/ratings"] = new("/api/ratings", "*:pass",
            new { token = "{ratingToken}", idempotencyKey = "matrix-{caller}", score = 5 }),
        ["GET /api/ratings/links/{token}"] = new("/api/ratings/links/{ratingToken}", Public),
        ["GET /api/ratings/links/{token}/qr.png"] = new("/api/ratings/links/{ratingToken}/qr.png", Public),
        ["GET /api/ratings/links/{token}/qr.svg"] = new("/api/ratings/links/{ratingToken}/qr.svg", Public),
        ["POST /api/contracts/{id}/rating-links"] = new("/api/contracts/HT-SY-2025-001/rating-links",
            "anon:401 bot,org,orgB,botOrg:403 staffB:deny staff,finance,admin:ok", new { validDays = 30 }),
        ["POST /api/contracts/{id}/rating-links/batch"] = new("/api/contracts/HT-SY-2025-001/rating-links/batch",
            "anon:401 bot,org,orgB,botOrg:403 staffB:deny staff,finance,admin:ok", new { visits = new[] { "矩阵测试 第1户", "矩阵测试 第2户" } }),
        ["GET /api/contracts/{id}/rating-links"] = new("/api/contracts/HT-SY-2025-001/rating-links",
            "anon:401 bot,org,orgB,botOrg:403 staffB:deny staff,finance,admin:ok"),
        ["POST /api/rating-links/{linkId}/revoke"] = new("/api/rating-links/no-such-link/revoke",
            "anon:401 bot,org,orgB,botOrg:403 staffB,staff,finance,admin:404"),
        ["POST /api/ratings/{id}/void"] = new("/api/ratings/demo-HT-SY-2025-001-3/void",
            "anon:401 bot,org,orgB,botOrg:403 staffB:deny staff,finance,admin:pass", new { reason = "授权矩阵测试：重复提交" }),
        ["GET /api/providers/{organisationId}/rating-trend"] = new("/api/providers/org-kangle/rating-trend", Public),
        ["GET /api/rectifications/"] = new("/api/rectifications", "anon:401 bot:403 *:ok"),
        ["POST /api/rectifications/{id}/respond"] = new("/api/rectifications/ZG-HT-SY-2025-001-11/respond",
            "anon:401 bot,staff,staffB,finance,admin:403 orgB:deny org,botOrg:pass", new { response = "已于次日重新上门并致歉，调整排班" }),
        ["POST /api/rectifications/{id}/follow-up"] = new("/api/rectifications/ZG-HT-SY-2025-001-11/follow-up",
            "anon:401 bot,org,orgB,botOrg:403 staffB:deny staff,finance,admin:pass", new { note = "已电话回访，服务对象认可", close = false }),

        // Evaluations.
        ["GET /api/projects/{id}/evaluation-weights"] = new("/api/projects/SY-2025-001/evaluation-weights", Public),
        // The project's own department sets its weights (staffB is another department).
        ["PUT /api/projects/{id}/evaluation-weights"] = new("/api/projects/SY-2025-001/evaluation-weights",
            "anon:401 bot,org,orgB,botOrg,staffB:403 staff,finance,admin:pass", new { purchaser = 40, recipients = 30, thirdParty = 30 }),
        ["POST /api/contracts/{id}/evaluations"] = new("/api/contracts/HT-SY-2025-001/evaluations",
            "anon:401 bot,org,orgB,botOrg:403 staffB:deny staff,finance,admin:pass",
            new { period = "contract", purchaserIndicators = new Dictionary<string, decimal>(), fraudFound = false }),
        ["GET /api/contracts/{id}/evaluations"] = new("/api/contracts/HT-SY-2025-001/evaluations", "anon:401 bot:403 orgB,staffB:deny *:ok"),
        ["GET /api/evaluations/pending"] = new("/api/evaluations/pending", Staff),
        ["POST /api/evaluations/{id}/publish"] = new("/api/evaluations/no-such-evaluation/publish",
            "anon:401 bot,org,orgB,botOrg,staff,staffB:403 finance,admin:404"),
        // Procurement lifecycle (staff of the project's department, finance, admin). Samples: SY-2026-006 is another
        // department's draft; SY-2026-003 Published, SY-2026-002/004 Bidding (上虞区民政局); SY-2026-005 another
        // department's EvaluatingBids. Earlier cases may already have moved a project, hence "pass".
        ["POST /api/projects/{id}/publish"] = new("/api/projects/SY-2026-006/publish",
            "anon:401 bot,org,orgB,botOrg:403 staff,staffB:deny finance,admin:pass", new { }),
        ["POST /api/projects/{id}/open-bidding"] = new("/api/projects/SY-2026-003/open-bidding",
            "anon:401 bot,org,orgB,botOrg:403 staffB:deny staff,finance,admin:pass", new { }),
        ["POST /api/projects/{id}/close-bidding"] = new("/api/projects/SY-2026-002/close-bidding",
            "anon:401 bot,org,orgB,botOrg:403 staffB:deny staff,finance,admin:pass", new { }),
        ["POST /api/projects/{id}/declare-unsuccessful"] = new("/api/projects/SY-2026-004/declare-unsuccessful",
            "anon:401 bot,org,orgB,botOrg:403 staffB:deny staff,finance,admin:pass", new { reason = "授权矩阵测试：有效投标不足" }),
        ["POST /api/projects/{id}/cancel"] = new("/api/projects/SY-2026-004/cancel",
            "anon:401 bot,org,orgB,botOrg:403 staffB:deny staff,finance,admin:pass", new { reason = "授权矩阵测试：预算调整" }),
        ["POST /api/projects/{id}/award"] = new("/api/projects/SY-2026-005/award",
            "anon:401 bot,org,orgB,botOrg:403 staff,staffB:deny finance,admin:pass",
            new { organisationId = "org-antai", evaluationNotes = "综合评分最高", scores = new Dictionary<string, decimal> { ["org-antai"] = 90 } }),

        // Bids: organisations bid; only the project's staff see all bids; organisation B never sees A's.
        ["POST /api/projects/{id}/bids/"] = new("/api/projects/SY-2026-001/bids",
            "anon:401 bot,staff,staffB,finance,admin:403 org,orgB,botOrg:pass",
            new { price = 600000, planSummary = "组建12人服务团队，覆盖全区12个街道", declaredNotExcluded = true }),
        ["GET /api/projects/{id}/bids/mine"] = new("/api/projects/SY-2026-001/bids/mine",
            "anon:401 bot,staff,staffB,finance,admin:403 org,orgB,botOrg:pass"),
        // Bids stay sealed until the deadline, so the sample is past it (SY-2026-005, 上虞区教体局: not staff's department).
        ["GET /api/projects/{id}/bids/"] = new("/api/projects/SY-2026-005/bids",
            "anon:401 bot,org,orgB,botOrg:403 staff,staffB:deny finance,admin:ok"),

        // Clarification questions: public reading, organisations ask, the department answers.
        ["GET /api/projects/{id}/questions/"] = new("/api/projects/SY-2026-001/questions", Public),
        ["POST /api/projects/{id}/questions/"] = new("/api/projects/SY-2026-001/questions",
            "anon:401 bot:403 staff,staffB,finance,admin:403 org,orgB,botOrg:pass", new { question = "服务对象名单何时提供？是否包含失能老人？" }),
        ["POST /api/projects/{id}/questions/{questionId}/answer"] = new("/api/projects/SY-2026-001/questions/no-such-question/answer",
            "anon:401 bot,org,orgB,botOrg:403 staffB:deny staff,finance,admin:404", new { answer = "合同签订后三日内提供" }),

        // Contracts: the department, finance, admin and the awarded organisation.
        ["GET /api/projects/{id}/contract"] = new("/api/projects/SY-2025-001/contract",
            "anon:401 bot:403 orgB,staffB:deny org,botOrg,staff,finance,admin:ok"),

        // Organisations: anyone registers; staff verify; an organisation sees itself, never another.
        ["POST /api/organisations/"] = new("/api/organisations", "*:400", new { name = "" }),
        ["GET /api/organisations/"] = new("/api/organisations", Staff),
        ["GET /api/organisations/{id}"] = new("/api/organisations/org-kangle",
            "anon:401 bot:403 orgB:deny org,botOrg,staff,staffB,finance,admin:ok"),
        ["POST /api/organisations/{id}/verify"] = new("/api/organisations/org-lvyuan/verify",
            "anon:401 bot,org,orgB,botOrg:403 staff,staffB,finance,admin:pass", new { }),
        ["POST /api/organisations/{id}/reject"] = new("/api/organisations/org-lvyuan/reject",
            "anon:401 bot,org,orgB,botOrg:403 staff,staffB,finance,admin:pass", new { reason = "授权矩阵测试：材料不全" }),
        ["POST /api/organisations/{id}/outcome-notice"] = new("/api/organisations/org-lvyuan/outcome-notice", "*:deny",
            new { registrationKey = "forged-key" }),
        ["GET /api/organisations/{id}/eligible-projects"] = new("/api/organisations/org-kangle/eligible-projects",
            "anon:401 bot:403 orgB:deny org,botOrg,staff,staffB,finance,admin:ok"),
        ["GET /api/organisations/{id}/credit-record"] = new("/api/organisations/org-kangle/credit-record",
            "anon:401 bot:403 orgB:deny org,botOrg,staff,staffB,finance,admin:ok"),

        // Blacklist: public list; staff propose and lift.
        ["GET /api/blacklist/"] = new("/api/blacklist", Public),
        ["POST /api/blacklist/"] = new("/api/blacklist",
            "anon:401 bot,org,orgB,botOrg:403 staff,staffB,finance,admin:pass", new { organisationId = "org-xinmiao", reason = "授权矩阵测试：骗取财政资金" }),
        ["POST /api/blacklist/{entryId}/lift"] = new("/api/blacklist/no-such-entry/lift",
            "anon:401 bot,org,orgB,botOrg:403 staff,staffB,finance,admin:404", new { reason = "授权矩阵测试" }),

        // Catalogue maintenance: finance and admin.
        ["GET /api/catalogue/items/{code}/versions"] = new("/api/catalogue/items/A0101/versions", Public),
        ["POST /api/catalogue/items/"] = new("/api/catalogue/items", "anon:401 bot,org,orgB,botOrg,staff,staffB:403 finance,admin:400", new { code = "" }),
        ["PUT /api/catalogue/items/{code}"] = new("/api/catalogue/items/A0101", "anon:401 bot,org,orgB,botOrg,staff,staffB:403 finance,admin:400", new { name = "" }),
        ["POST /api/catalogue/items/{code}/retire"] = new("/api/catalogue/items/A0101/retire",
            "anon:401 bot,org,orgB,botOrg,staff,staffB:403 finance,admin:400", new { reason = "" }),

        // Purchase plans: departments submit their own; finance reviews.
        ["GET /api/plans/"] = new("/api/plans", Staff),
        ["GET /api/plans/summary"] = new("/api/plans/summary", Staff),
        ["POST /api/plans/{year:int}/items"] = new("/api/plans/2027/items", "anon:401 bot,org,orgB,botOrg,finance,admin:403 staff,staffB:pass", new { name = "" }),
        ["PUT /api/plans/{department}/{year:int}/items/{itemId}"] = new("/api/plans/上虞区民政局/2027/items/no-such-item",
            "anon:401 bot,org,orgB,botOrg,finance,admin:403 staffB:deny staff:pass", new { name = "" }),
        ["PUT /api/plans/{department}/{year:int}/budget-line"] = new("/api/plans/上虞区民政局/2027/budget-line",
            "anon:401 bot,org,orgB,botOrg,staff,staffB:403 finance,admin:pass", new { amount = 5000000 }),
        ["POST /api/plans/{department}/{year:int}/items/{itemId}/approve"] = new("/api/plans/上虞区民政局/2027/items/no-such-item/approve",
            "anon:401 bot,org,orgB,botOrg,staff,staffB:403 finance,admin:404", new { }),
        ["POST /api/plans/{department}/{year:int}/items/{itemId}/return"] = new("/api/plans/上虞区民政局/2027/items/no-such-item/return",
            "anon:401 bot,org,orgB,botOrg,staff,staffB:403 finance,admin:404", new { reason = "授权矩阵测试" }),

        // Reports, exports, the policy library: staff.
        ["GET /api/reports/year-end/{year:int}"] = new("/api/reports/year-end/2025", Staff),
        ["GET /api/reports/year-end/{year:int}.csv"] = new("/api/reports/year-end/2025.csv", Staff),
        ["GET /api/reports/year-end/{year:int}.xlsx"] = new("/api/reports/year-end/2025.xlsx", Staff),
        ["GET /api/exports/evaluations.{format}"] = new("/api/exports/evaluations.csv", Staff),
        ["GET /api/exports/year-end/{year:int}.{format}"] = new("/api/exports/year-end/2025.csv", Staff),
        ["GET /api/exports/ocds/{year:int}.json"] = new("/api/exports/ocds/2025.json", Staff),
        ["GET /api/library"] = new("/api/library", Staff),

        // Policy documents: staff upload (multipart only: a JSON body is 415), anyone reads and asks.
        ["POST /api/policies/"] = new("/api/policies", "anon:401 bot,org,orgB,botOrg:403 staff,staffB,finance,admin:415", new { }),
        ["GET /api/policies/"] = new("/api/policies", Public),
        ["GET /api/policies/answer"] = new("/api/policies/answer?q=" + Uri.EscapeDataString("哪些服务不能购买"), Public),

        // Public disclosure (信息公开).
        ["GET /api/disclosure/evaluations"] = new("/api/disclosure/evaluations", Public),
        ["GET /api/disclosure/providers"] = new("/api/disclosure/providers?name=%E5%BA%B7%E4%B9%90", Public),
        ["GET /api/disclosure/providers/{id}/ratings"] = new("/api/disclosure/providers/org-kangle/ratings", Public),
        ["GET /api/disclosure/projects/{id}"] = new("/api/disclosure/projects/SY-2025-001", Public),
    };
}
