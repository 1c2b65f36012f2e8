using System.Text.RegularExpressions;
using Assistant.Bot.Understanding;

namespace Assistant.Bot.Dialogs;

/// <summary>
/// Steps that take free text (a service plan, a reason, a person's name) must not swallow a question asked instead of
/// an answer: "服务方案需要写哪些内容？" is answered on top of the form, which then asks again.
/// </summary>
public static partial class FreeText
{
    public static bool IsQuestionInstead(Understood input) =>
        QuestionEnd().IsMatch(input.Text.Trim())
        || (QuestionWords().IsMatch(input.Text) && input.Confidence >= DialogStack.InterruptThreshold
            && input.Intent is Intents.PolicyQuestion or Intents.ProjectStatus or Intents.ProjectSearch);

    [GeneratedRegex(@"([？?]|吗|呢)[。！!]*$")]
    private static partial Regex QuestionEnd();

    [GeneratedRegex("什么|怎么|如何|哪些|为什么|能不能|可不可以|是否|多少")]
    private static partial Regex QuestionWords();
}
