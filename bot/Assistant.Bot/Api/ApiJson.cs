using System.Text.Json;
using System.Text.Json.Serialization;
using Assistant.Contracts.Api;

namespace Assistant.Bot.Api;

/// <summary>JSON metadata for everything the bot sends to or reads from the API (web casing, enums as names like the API).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PageDto<ProjectSummaryDto>))]
[JsonSerializable(typeof(ProjectDetailsDto))]
[JsonSerializable(typeof(IReadOnlyList<CatalogueItemDto>))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(PolicyAnswerDto))]
[JsonSerializable(typeof(RedeemLinkCodeRequest))]
[JsonSerializable(typeof(LinkedAccountDto))]
[JsonSerializable(typeof(ProjectStatusDto))]
[JsonSerializable(typeof(IReadOnlyList<OverdueAwardDto>))]
[JsonSerializable(typeof(IReadOnlyList<EvaluationDueDto>))]
[JsonSerializable(typeof(ExtendDeadlineRequest))]
[JsonSerializable(typeof(PageDto<AuditEventDto>))]
[JsonSerializable(typeof(PlanSummaryDto))]
[JsonSerializable(typeof(IReadOnlyList<PurchasePlanDto>))]
[JsonSerializable(typeof(PlanItemRequest))]
[JsonSerializable(typeof(PlanItemDto))]
[JsonSerializable(typeof(LibraryDto))]
[JsonSerializable(typeof(YearEndReportDto))]
public sealed partial class ApiJson : JsonSerializerContext;
