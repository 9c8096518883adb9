using Clinic.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>The API's settings registered as the API registers them (AddClinicApiOptions), in a host of their own.</summary>
public static class ApiSettingsHost
{
    public static IHost Create(string environment, params (string Key, string? Value)[] values)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
        builder.Services.AddClinicApiOptions(builder.Configuration);
        return builder.Build();
    }

    /// <summary>The options the API runs with (Development, so only malformed values are refused).</summary>
    public static ClinicApiOptions Read(params (string Key, string? Value)[] values) =>
        Create(Environments.Development, values).Services.GetRequiredService<ClinicApiOptions>();

    /// <summary>The lines the host refuses to start with.</summary>
    public static async Task<IReadOnlyList<string>> RefusalAsync(string environment, params (string Key, string? Value)[] values)
    {
        using var host = Create(environment, values);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        return error.Failures.ToList();
    }

    public static Task<IReadOnlyList<string>> RefusalAsync(params (string Key, string? Value)[] values) =>
        RefusalAsync(Environments.Development, values);
}
