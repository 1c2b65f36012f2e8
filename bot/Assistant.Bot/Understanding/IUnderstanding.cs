namespace Assistant.Bot.Understanding;

/// <summary>
/// The little the flows need from language understanding. Kept as the bot's own interface so the flows do not
/// depend on how intents are recognised (the language library plugs in behind it).
/// </summary>
public interface IUnderstanding
{
    Understood Understand(string text, DateOnly today);
}

public static class Intents
{
    public const string Greeting = "greeting";
    public const string Help = "help";
    public const string Cancel = "cancel";
    public const string Affirm = "affirm";
    public const string Deny = "deny";
    public const string Thanks = "thanks";
    /// <summary>"我不想投标": an action turned down; <see cref="Understood.Declined"/> says which.</summary>
    public const string Decline = "decline";
    public const string PolicyQuestion = "policy.question";
    public const string ProjectSearch = "project.search";
    public const string ProjectEligible = "project.eligible";
    public const string ProjectStatus = "project.status";
    public const string PlanStatus = "plan.status";
    public const string OrgRegister = "org.register";
    public const string BidSubmit = "bid.submit";
    public const string ClarificationAsk = "clarification.ask";
    public const string RatingSubmit = "rating.submit";
    /// <summary>"康乐养老的评分怎么样": a provider's public rating statistics (keyword rule; never a rating).</summary>
    public const string ProviderRatings = "provider.ratings";
    public const string AccountLink = "account.link";
    public const string DeadlineExtend = "deadline.extend";
    public const string ReminderSet = "reminder.set";
    /// <summary>"人工客服", "转人工": bot-only (keyword rule); there is no human desk, so say whom to contact.</summary>
    public const string Human = "human";
    public const string Fallback = "nlu_fallback";
    /// <summary>Understood, and not what the assistant is for ("今天天气怎么样").</summary>
    public const string OutOfScope = "out_of_scope";
}

/// <summary>Intent and the entities the flows use; values are already normalised (yuan, dates, codes, Simplified text).</summary>
public sealed record Understood(string Text, string Intent, double Confidence)
{
    public string? ProjectCode { get; init; }
    public string? LinkCode { get; init; }
    public decimal? Money { get; init; }
    public decimal? BudgetMin { get; init; }
    public decimal? BudgetMax { get; init; }
    public DateOnly? Date { get; init; }
    public string? Region { get; init; }
    public string? Category { get; init; }
    public int? Score { get; init; }
    public string? CreditCode { get; init; }
    /// <summary>With <see cref="Intents.Decline"/>: the intent of the action turned down, if one was named.</summary>
    public string? Declined { get; init; }

    public bool Is(string intent, double atLeast = 0.5) => Intent == intent && Confidence >= atLeast;
}
