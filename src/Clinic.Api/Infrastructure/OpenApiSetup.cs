using Clinic.Contracts;
using Microsoft.OpenApi;

namespace Clinic.Api;

/// <summary>The OpenAPI document at /openapi/v1.json, described the way the bot calls the API.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddClinicOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Clinic API";
            document.Info.Description = "The clinic API. `/api/bot/` serves the clinic's Telegram bot " +
                                        "(`Authorization: Bearer {TELEGRAM_BOT_API_SECRET}`; `/api/bot/admin/` also needs an " +
                                        "administrator's `telegram_id`), `/api/admin/` serves staff (`Bearer {ADMIN_API_TOKEN}`), " +
                                        "and `/health`, `/verify/` and `/b/` are public. Every error is `{code, message, errors}`; " +
                                        "each error response names the codes it carries.";
            // The server URL depends on where the app runs; leaving it out keeps the committed snapshot stable.
            document.Servers?.Clear();
            RestoreTrailingSlashes(document);
            ErrorResponses.DescribeUnexplained(document);
            AddBearerScheme(document);
            return Task.CompletedTask;
        }));

    /// <summary>Routing ignores the trailing slash, the document drops it; the bot's routes (Django style) keep it.</summary>
    private static void RestoreTrailingSlashes(OpenApiDocument document)
    {
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
            paths[path.StartsWith(Routes.BotPrefix, StringComparison.Ordinal) && !path.EndsWith('/') ? path + "/" : path] = item;
        document.Paths = paths;
    }

    private static void AddBearerScheme(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "TELEGRAM_BOT_API_SECRET on /api/bot/, ADMIN_API_TOKEN on /api/admin/",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
    }
}
