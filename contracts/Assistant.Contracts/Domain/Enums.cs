namespace Assistant.Contracts.Domain;

/// <summary>Project lifecycle (see ProjectLifecycle in api/ for the allowed transitions).</summary>
public enum ProjectStatus
{
    Draft,
    Published,
    Bidding,
    EvaluatingBids,
    Awarded,
    Contracted,
    InService,
    Evaluated,
    Closed,
    Cancelled,
    Unsuccessful,
}

/// <summary>购买方式 (domain.md).</summary>
public enum PurchaseMethod
{
    OpenTender,
    InvitedTender,
    CompetitiveNegotiation,
    CompetitiveConsultation,
    RequestForQuotation,
    SingleSource,
    DecentralisedPurchase,
    Commission,
    Franchise,
    Subsidy,
}

/// <summary>承接主体 kinds, as the credit code's first character tells them apart.</summary>
public enum ProviderKind
{
    SocialOrganisation,
    Enterprise,
    Institution,
}

public enum OrganisationStatus
{
    Pending,
    Verified,
    Rejected,
}

public static class Roles
{
    public const string Public = "public";
    public const string Recipient = "recipient";
    public const string Organisation = "organisation";
    public const string PurchaserStaff = "purchaser";
    public const string Finance = "finance";
    public const string Admin = "admin";
    /// <summary>The bot's own service credential; it acts on behalf of a linked user.</summary>
    public const string BotService = "bot";
}

public static class AssistantClaims
{
    public const string Department = "department";
    public const string OrganisationId = "org";
    public const string Region = "region";
}

public static class DomainText
{
    public static string Label(this ProjectStatus status) => status switch
    {
        ProjectStatus.Draft => "草稿",
        ProjectStatus.Published => "已公开",
        ProjectStatus.Bidding => "投标中",
        ProjectStatus.EvaluatingBids => "评标中",
        ProjectStatus.Awarded => "已定标",
        ProjectStatus.Contracted => "已签合同",
        ProjectStatus.InService => "服务中",
        ProjectStatus.Evaluated => "已评价",
        ProjectStatus.Closed => "已结项",
        ProjectStatus.Cancelled => "已取消",
        ProjectStatus.Unsuccessful => "流标",
        _ => status.ToString(),
    };

    public static string Label(this PurchaseMethod method) => method switch
    {
        PurchaseMethod.OpenTender => "公开招标",
        PurchaseMethod.InvitedTender => "邀请招标",
        PurchaseMethod.CompetitiveNegotiation => "竞争性谈判",
        PurchaseMethod.CompetitiveConsultation => "竞争性磋商",
        PurchaseMethod.RequestForQuotation => "询价",
        PurchaseMethod.SingleSource => "单一来源",
        PurchaseMethod.DecentralisedPurchase => "分散采购",
        PurchaseMethod.Commission => "委托",
        PurchaseMethod.Franchise => "特许经营",
        PurchaseMethod.Subsidy => "政府补贴",
        _ => method.ToString(),
    };

    public static string Label(this ProviderKind kind) => kind switch
    {
        ProviderKind.SocialOrganisation => "社会组织",
        ProviderKind.Enterprise => "企业",
        ProviderKind.Institution => "事业单位",
        _ => kind.ToString(),
    };
}
