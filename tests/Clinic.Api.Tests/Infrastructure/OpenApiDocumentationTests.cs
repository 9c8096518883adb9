using System.Net;
using System.Text.Json.Nodes;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>
/// The OpenAPI document tells a client what each route does and how it fails: every operation has a summary and a
/// description, and declares the error statuses it can answer, in the API's one error shape. The declarations are
/// checked against what the running API answers where a request can provoke them cheaply (401, 403).
/// </summary>
public sealed class OpenApiDocumentationTests(SqliteApp app) : ApiTest(app), IClassFixture<SqliteApp>
{
    /// <summary>Routes that answer no client error at all: the public health check only reports.</summary>
    private static readonly HashSet<string> CannotFail = ["GET /health"];

    /// <summary>Error responses that are not <see cref="ApiError"/>: a document's check answers 404 with its verdict.</summary>
    private static readonly HashSet<string> NotApiErrors = ["GET /verify/{number} 404"];

    [Fact]
    public async Task EveryOperationHasASummaryAndADescription()
    {
        var undocumented = (await OperationsAsync())
            .Where(o => string.IsNullOrWhiteSpace((string?)o.Node["summary"]) || string.IsNullOrWhiteSpace((string?)o.Node["description"]))
            .Select(o => o.Name).ToList();

        Assert.True(undocumented.Count == 0, "Operations without a summary or a description:\n" + string.Join("\n", undocumented));
    }

    [Fact]
    public async Task EveryOperationThatCanFailDeclaresAClientError()
    {
        var silent = (await OperationsAsync())
            .Where(o => !CannotFail.Contains(o.Name) && !o.Statuses.Any(s => s.StartsWith('4')))
            .Select(o => o.Name).ToList();

        Assert.True(silent.Count == 0, "Operations declaring no 4xx response:\n" + string.Join("\n", silent));
    }

    [Fact]
    public async Task EveryOperationDeclaresTheErrorsItsAccessAndItsInputCanCause()
    {
        var missing = new List<string>();
        foreach (var o in await OperationsAsync())
        {
            void Expect(string status, string why)
            {
                if (!o.Statuses.Contains(status))
                    missing.Add($"{o.Name}: {status} ({why})");
            }
            if (o.Path.StartsWith("/api/", StringComparison.Ordinal))
                Expect("401", "it needs a bearer token");
            if (o.Path.StartsWith(BroadcastRoutes.BotAdminPrefix, StringComparison.Ordinal))
                Expect("403", "it needs an administrator's telegram_id");
            if (o.Path.StartsWith("/verify/", StringComparison.Ordinal) || o.Path.StartsWith("/b/", StringComparison.Ordinal))
                Expect("429", "it is rate-limited per client address");
            var parameters = o.Node["parameters"]?.AsArray() ?? [];
            if (o.Node["requestBody"] is not null || parameters.Any(p => (string?)p!["in"] is "query" or "header"))
                Expect("400", "a body or parameter that does not read is refused");
        }

        Assert.True(missing.Count == 0, "Undeclared error responses:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task EveryDeclaredErrorResponseIsTheApiErrorShape()
    {
        var others = new List<string>();
        foreach (var o in await OperationsAsync())
            foreach (var status in o.Statuses.Where(s => s[0] is '4' or '5'))
            {
                var schema = o.Node["responses"]![status]!["content"]?["application/json"]?["schema"]?["$ref"];
                if ((string?)schema != "#/components/schemas/ApiError" && !NotApiErrors.Contains($"{o.Name} {status}"))
                    others.Add($"{o.Name} {status}");
            }

        Assert.True(others.Count == 0, "Error responses not declared as ApiError JSON:\n" + string.Join("\n", others));
    }

    [Fact]
    public async Task EveryDeclaredErrorResponseNamesTheErrorCodesItCarries()
    {
        var codes = typeof(ErrorCodes).GetFields().Select(f => $"`{f.GetValue(null)}`").ToList();
        var unexplained = new List<string>();
        foreach (var o in await OperationsAsync())
            foreach (var status in o.Statuses.Where(s => s[0] is '4' or '5' && !NotApiErrors.Contains($"{o.Name} {s}")))
            {
                var description = (string?)o.Node["responses"]![status]!["description"] ?? "";
                if (!codes.Any(description.Contains))
                    unexplained.Add($"{o.Name} {status}: {description}");
            }

        Assert.True(unexplained.Count == 0, "Error responses naming no error code:\n" + string.Join("\n", unexplained));
    }

    [Fact]
    public async Task EveryOperationDeclaring401AnswersItToACallerWithoutTheToken()
    {
        var wrong = new List<string>();
        var guarded = (await OperationsAsync()).Where(o => o.Statuses.Contains("401")).ToList();
        foreach (var o in guarded)
        {
            var response = await App.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(o.Method), Concrete(o.Path)), Cancel);
            if (response.StatusCode != HttpStatusCode.Unauthorized || await CodeAsync(response) != ErrorCodes.Unauthorized)
                wrong.Add($"{o.Name}: {(int)response.StatusCode}");
        }

        Assert.NotEmpty(guarded);
        Assert.True(wrong.Count == 0, "Declared 401 but answered otherwise without a token:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task EveryOperationDeclaring403AnswersItToTheBotActingForSomeoneNotAnAdministrator()
    {
        var wrong = new List<string>();
        var forbidden = (await OperationsAsync()).Where(o => o.Statuses.Contains("403")).ToList();
        foreach (var o in forbidden)
        {
            // A body that binds, so the answer is the administrator check's and not the binding's.
            var request = new HttpRequestMessage(new HttpMethod(o.Method), Concrete(o.Path) + "?telegram_id=1");
            if (o.Node["requestBody"] is not null)
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            var response = await Api.SendAsync(request, Cancel);
            if (response.StatusCode != HttpStatusCode.Forbidden || await CodeAsync(response) != ErrorCodes.Forbidden)
                wrong.Add($"{o.Name}: {(int)response.StatusCode}");
        }

        Assert.NotEmpty(forbidden);
        Assert.True(wrong.Count == 0, "Declared 403 but answered otherwise to a non-administrator:\n" + string.Join("\n", wrong));
    }

    private sealed record Operation(string Method, string Path, JsonObject Node)
    {
        public string Name => $"{Method} {Path}";
        public IReadOnlyList<string> Statuses => Node["responses"]?.AsObject().Select(r => r.Key).ToList() ?? [];
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        var document = JsonNode.Parse(await App.Anonymous.GetStringAsync("/openapi/v1.json", Cancel))!;
        return document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => new Operation(op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject())))
            .ToList();
    }

    /// <summary>The path with each route parameter filled in: a GUID for the lease id, 1 for the numeric ids.</summary>
    private static string Concrete(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}",
        m => m.Groups[1].Value == "leaseId" ? Guid.NewGuid().ToString() : "1");

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))?["code"];
}
