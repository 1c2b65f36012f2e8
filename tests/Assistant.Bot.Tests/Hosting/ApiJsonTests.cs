using System.Reflection;
using Assistant.Bot.Api;
using Assistant.Contracts.Api;
using Refit;

namespace Assistant.Bot.Tests.Hosting;

/// <summary>
/// The bot reads the API through source-generated JSON: a Refit method whose types ApiJson does not declare compiles
/// and then fails at run time, on the first user who takes that path.
/// </summary>
public sealed class ApiJsonTests
{
    public static TheoryData<string> Methods() =>
        [.. Interfaces().SelectMany(i => i.GetMethods()).Where(IsEndpoint).Select(m => $"{m.DeclaringType!.Name}.{m.Name}")];

    private static IEnumerable<Type> Interfaces() =>
        typeof(ApiJson).Assembly.GetTypes().Concat(typeof(IAssistantApi).Assembly.GetTypes())
            .Where(t => t.IsInterface && t.GetMethods().Any(IsEndpoint));

    private static bool IsEndpoint(MethodInfo m) => m.GetCustomAttributes().Any(a => a is HttpMethodAttribute);

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_type_an_api_call_sends_or_reads_has_json_metadata(string name)
    {
        var method = Interfaces().SelectMany(i => i.GetMethods()).Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == name);
        var returned = method.ReturnType is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Task<>) ? t.GetGenericArguments()[0] : null;
        // IApiResponse<T> carries the status code; the body inside it is what is deserialised.
        if (returned is { IsGenericType: true } r && r.GetGenericTypeDefinition() == typeof(IApiResponse<>)) returned = r.GetGenericArguments()[0];
        var bodies = method.GetParameters().Where(p => p.GetCustomAttribute<BodyAttribute>() is not null).Select(p => p.ParameterType);
        foreach (var type in bodies.Append(returned).OfType<Type>().Where(t => t != typeof(HttpResponseMessage) && t != typeof(string)))
            Assert.True(ApiJson.Default.GetTypeInfo(type) is not null, $"{name}: ApiJson has no [JsonSerializable(typeof({type.Name}))]");
    }
}
