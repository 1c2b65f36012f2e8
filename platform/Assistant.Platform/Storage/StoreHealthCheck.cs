using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Assistant.Platform.Storage;

internal sealed class StoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.IsReadyAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{store.EngineName} reachable, indexes in place")
                : HealthCheckResult.Unhealthy($"{store.EngineName} not ready (unreachable or indexes missing)");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{store.EngineName} check failed", e);
        }
    }
}
