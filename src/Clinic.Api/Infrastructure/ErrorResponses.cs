using Clinic.Contracts;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Clinic.Api;

/// <summary>
/// The error responses of the OpenAPI document. <see cref="ProducesErrors"/> declares the statuses an endpoint answers in
/// the API's error JSON (<see cref="ApiError"/>) that its typed results cannot declare: those a group's policy answers
/// (401, 403, 429), a binding failure's 400, and statuses written through <c>TypedResults.Json</c> (413, 503). A
/// handler's <c>&lt;response&gt;</c> comment names the codes it answers at a status; where it has none, the document
/// gets the common meaning of that status here.
/// </summary>
public static class ErrorResponses
{
    private static readonly Dictionary<int, string> CommonMeaning = new()
    {
        [StatusCodes.Status400BadRequest] = "`validation_failed` (each field's problems in `errors`) or `invalid_json`: a parameter or the body does not read.",
        [StatusCodes.Status401Unauthorized] = "`unauthorized`: the bearer token is missing or wrong.",
        [StatusCodes.Status403Forbidden] = "`forbidden`: the `telegram_id` query parameter is not one of ADMIN_TELEGRAM_IDS.",
        [StatusCodes.Status404NotFound] = "`not_found`: no such resource.",
        [StatusCodes.Status413PayloadTooLarge] = "`file_too_large`: the file is over the limit.",
        [StatusCodes.Status429TooManyRequests] = "`rate_limited`: too many requests from this client address; try again later.",
        [StatusCodes.Status503ServiceUnavailable] = "`payments_unavailable` (online payment is off) or `payment_provider_unavailable` (the provider does not answer).",
    };

    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiError), ["application/json"]));
        return builder;
    }

    /// <summary>Error responses still described by their bare reason phrase ("Not Found") get the status's common meaning.</summary>
    public static void DescribeUnexplained(OpenApiDocument document)
    {
        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
            foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
                if (int.TryParse(status, out var code) && CommonMeaning.TryGetValue(code, out var meaning) &&
                    response.Description == ReasonPhrases.GetReasonPhrase(code))
                    response.Description = meaning;
    }
}
