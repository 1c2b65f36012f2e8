namespace Assistant.Api.Infrastructure;

/// <summary>A request that can say what is wrong with itself, field by field, in Chinese.</summary>
public interface IValidatable
{
    void Validate(ValidationErrors errors);
}

public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool IsEmpty => _errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public ValidationErrors Require(string field, string? value, string label, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"请填写{label}");
        else if (value.Length > maxLength) Add(field, $"{label}不能超过{maxLength}个字");
        return this;
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}

/// <summary>Validation as an endpoint filter: a null body or an invalid one never reaches the handler.</summary>
public sealed class ValidationFilter<T> : IEndpointFilter where T : class, IValidatable
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<T>().FirstOrDefault();
        var errors = new ValidationErrors();
        if (request is null) errors.Add("body", "请求内容为空或格式不正确");
        else request.Validate(errors);
        return errors.IsEmpty ? await next(context) : TypedResults.ValidationProblem(errors.ToDictionary());
    }
}

public static class ValidationExtensions
{
    public static RouteHandlerBuilder Validated<T>(this RouteHandlerBuilder builder) where T : class, IValidatable =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
