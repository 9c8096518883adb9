using System.Text.Json.Nodes;

namespace Clinic.Api.Tests.Infrastructure.Fuzz;

/// <summary>One parameter of an operation as docs/openapi.json states it.</summary>
public sealed record OperationParameter(string Name, string In, JsonNode? Schema, bool Required);

/// <summary>One route and method of docs/openapi.json: its parameters and the media type and schema of its body.</summary>
public sealed record Operation(string Method, string Path, IReadOnlyList<OperationParameter> Parameters, string? BodyType, JsonNode? BodySchema)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Reads the committed OpenAPI document, resolving <c>$ref</c>s into the component schemas.</summary>
public sealed class OpenApiOperations
{
    private readonly JsonObject _schemas;

    private OpenApiOperations(JsonObject document)
    {
        Document = document;
        _schemas = document["components"]?["schemas"]?.AsObject() ?? [];
    }

    public JsonObject Document { get; }

    public static OpenApiOperations Load() =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(OpenApiSnapshotTests.RepositoryRoot(), "docs", "openapi.json")))!.AsObject());

    public IReadOnlyList<Operation> All() =>
        Document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(method => Read(path.Key, method.Key, method.Value!))).ToList();

    /// <summary>The schema itself, or the component a <c>$ref</c> names.</summary>
    public JsonNode? Resolve(JsonNode? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } reference ? Resolve(_schemas[reference.Split('/')[^1]]) : schema;

    private Operation Read(string path, string method, JsonNode operation)
    {
        var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => new OperationParameter(
            p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"], p["required"]?.GetValue<bool>() ?? false)).ToList();
        var content = operation["requestBody"]?["content"]?.AsObject().FirstOrDefault();
        return new Operation(method.ToUpperInvariant(), path, parameters, content?.Key, content?.Value?["schema"]);
    }
}
