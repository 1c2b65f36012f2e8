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
    };
}
