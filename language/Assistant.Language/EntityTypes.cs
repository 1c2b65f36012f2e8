namespace Assistant.Language;

public static class EntityTypes
{
    public const string Money = "money";
    public const string Budget = "budget";
    public const string Date = "date";
    public const string Deadline = "deadline";
    public const string Region = "region";
    public const string Category = "category";
    public const string CreditCode = "creditcode";
    public const string ProjectCode = "projectcode";
    public const string LinkCode = "linkcode";
    public const string Score = "score";

    /// <summary>With the <see cref="IntentNames.Decline"/> intent: the intent of the action turned down ("我不想投标" → bid.submit).</summary>
    public const string DeclinedAction = "declined_action";
}

public static class IntentNames
{
    public const string Greeting = "greeting";
    public const string Help = "help";
    public const string Cancel = "cancel";
    public const string Affirm = "affirm";
    public const string Deny = "deny";
    public const string PolicyQuestion = "policy.question";
    public const string ProjectSearch = "project.search";
    public const string ProjectEligible = "project.eligible";
    public const string ProjectStatus = "project.status";
    public const string OrgRegister = "org.register";
    public const string BidSubmit = "bid.submit";
    public const string RatingSubmit = "rating.submit";
    public const string ClarificationAsk = "clarification.ask";
    public const string AccountLink = "account.link";
    public const string PlanStatus = "plan.status";
    public const string DeadlineExtend = "deadline.extend";
    public const string ReminderSet = "reminder.set";
    public const string Thanks = "thanks";

    /// <summary>The user turns an action down ("我不想投标"); <see cref="EntityTypes.DeclinedAction"/> says which (<see cref="Intents.DeclinedAction"/>).</summary>
    public const string Decline = "decline";

    /// <summary>Chit-chat and requests the assistant does not serve ("今天天气怎么样").</summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>Rasa's name for "not sure": the classifier's best guess was below the threshold.</summary>
    public const string Fallback = "nlu_fallback";
}
