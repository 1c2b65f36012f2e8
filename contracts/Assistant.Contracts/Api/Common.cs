namespace Assistant.Contracts.Api;

public sealed record PageDto<T>(IReadOnlyList<T> Items, long Total, int Skip, int Take);

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string AccessToken, DateTime ExpiresAt, string DisplayName, IReadOnlyList<string> Roles);
