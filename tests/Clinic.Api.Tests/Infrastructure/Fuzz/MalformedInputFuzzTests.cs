using System.Net;
using System.Text;
using Clinic.Api.Tests.Features.Broadcasts;

namespace Clinic.Api.Tests.Infrastructure.Fuzz;

/// <summary>
/// Every route of docs/openapi.json, with the credentials it needs (bot secret, staff token, an administrator's
/// telegram_id), fed hostile input from <see cref="HostileInputs"/>: not one answer may be 500 or above. A failure
/// lists each request that got one, so it can be replayed; the seed makes the run repeatable.
/// </summary>
public abstract class MalformedInputFuzzTests(AdminApp app, int casesPerRoute) : ApiTest(app)
{
    private const int Seed = 20261201;

    [Fact]
    public async Task Malformed_requests_to_every_documented_route_never_get_a_5xx()
    {
        var operations = OpenApiOperations.Load();
        var telegramId = await RegisterPatientAsync();
        var visit = await BookOkAsync(telegramId, TestClinic.At(App.NextWorkday(), 10), Clinic.AlphaId);
        var inputs = new HostileInputs(new Random(Seed), operations, telegramId, [visit.Id, Clinic.AlphaId, 1, 2]);
        var failures = new List<string>();
        var sent = 0;

        foreach (var operation in operations.All())
            for (var i = 0; i < casesPerRoute; i++)
            {
                using var request = Build(operation, inputs);
                var described = await DescribeAsync(request);
                using var response = await ClientFor(operation.Path).SendAsync(request, Cancel);
                sent++;
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{described} → {(int)response.StatusCode} {Clip(await response.Content.ReadAsStringAsync(Cancel))}");
            }

        Assert.True(sent >= operations.All().Count * casesPerRoute);
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests got a 5xx:\n" + string.Join("\n", failures.Take(25)));
    }

    private static HttpRequestMessage Build(Operation operation, HostileInputs inputs)
    {
        var path = operation.Path;
        var query = new List<string>();
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), "/");
        foreach (var parameter in operation.Parameters)
            switch (parameter.In)
            {
                case "path":
                    path = path.Replace("{" + parameter.Name + "}", inputs.PathValue(parameter));
                    break;
                case "query" when inputs.QueryValue(parameter) is { } value:
                    query.Add($"{parameter.Name}={Uri.EscapeDataString(value)}");
                    break;
                case "header":
                    request.Headers.TryAddWithoutValidation(parameter.Name, inputs.HeaderValue());
                    break;
            }
        if (path.StartsWith("/api/bot/admin/", StringComparison.Ordinal))
            query.Add($"telegram_id={AdminApp.AdminTelegramId}");
        request.RequestUri = new Uri(path + (query.Count > 0 ? "?" + string.Join("&", query) : ""), UriKind.Relative);
        request.Content = inputs.Body(operation);
        return request;
    }

    private HttpClient ClientFor(string path) =>
        path.StartsWith("/api/admin/", StringComparison.Ordinal) ? App.Staff
        : path.StartsWith("/api/", StringComparison.Ordinal) ? Api
        : App.Anonymous;

    private static async Task<string> DescribeAsync(HttpRequestMessage request)
    {
        var body = request.Content is null ? "" : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(Cancel));
        return $"{request.Method} {Clip(request.RequestUri!.ToString())} [{request.Content?.Headers.ContentType}] {Clip(body)}";
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + $"… ({text.Length} chars)";
}

public sealed class MalformedInputFuzzOnSqliteTests(AdminSqliteApp app) : MalformedInputFuzzTests(app, casesPerRoute: 40), IClassFixture<AdminSqliteApp>;

/// <summary>A smaller pass on PostgreSQL, whose types and limits differ (timestamps, integer ranges, text with NUL).</summary>
public sealed class MalformedInputFuzzOnPostgresTests(AdminPostgresApp app) : MalformedInputFuzzTests(app, casesPerRoute: 10), IClassFixture<AdminPostgresApp>;
