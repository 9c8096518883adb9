using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Broadcasts;
using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Documents;
using Clinic.Api.Features.Feedback;
using Clinic.Api.Features.Outbox;
using Clinic.Api.Features.Patients;
using Clinic.Api.Features.Payments;
using Clinic.Api.Features.Payments.Sandbox;
using Clinic.Api.Features.Slots;
using Clinic.Api.Features.Support;
using Clinic.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

namespace Clinic.Api;

/// <summary>
/// The clinic API as a pair of extensions, so <c>Program.cs</c> and other hosts (the all-in-one server) can embed it.
/// </summary>
public static class ClinicApiApp
{
    public static WebApplicationBuilder AddClinicApi(this WebApplicationBuilder builder)
    {
        var options = ClinicApiOptions.FromConfiguration(builder.Configuration);
        if (!builder.Environment.IsDevelopment())
            options.RequireProductionSettings(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(options);
        // Microsoft.Extensions.Http logs every request's full URL (the Kaspi client's included): no client logs its
        // requests, whatever level an operator sets.
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
        services.Configure<HostOptions>(host => host.ShutdownTimeout = HostShutdown.Timeout);
        // A host embedding the API (or a test) may bring its own clock.
        services.TryAddSingleton(TimeProvider.System);
        services.AddClinicDatabase(options);
        services.ConfigureHttpJsonOptions(o => ClinicJson.Configure(o.SerializerOptions));
        services.AddClinicErrorHandling();
        services.AddAuthentication(BotSecretAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BotSecretAuthenticationHandler>(BotSecretAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, AdminTokenAuthenticationHandler>(AdminTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminTokenAuthenticationHandler.PolicyName, policy => policy
                .AddAuthenticationSchemes(AdminTokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(System.Security.Claims.ClaimTypes.Name, "staff"));
        services.AddClinicOpenApi();
        services.AddClinicDocuments(options);
        services.AddClinicPayments(options);
        services.AddScoped<AccountErasure>();
        return builder;
    }

    public static WebApplication UseClinicApi(this WebApplication app)
    {
        app.UseClinicErrorHandling();
        app.UseAuthentication();
        app.UseAuthorization();

        DatabaseSetup.MigrateAndSeedAsync(app.Services).GetAwaiter().GetResult();

        app.MapGet(Routes.Health, CheckHealth).WithName("Health");
        app.MapOpenApi();
        app.MapScalarApiReference();

        var bot = app.MapGroup(Routes.BotPrefix).RequireAuthorization();
        bot.MapPatientsApi();
        bot.MapCatalogApi();
        bot.MapSlotsApi();
        bot.MapAppointmentsApi();
        bot.MapDocumentsApi();
        bot.MapFeedbackApi();
        bot.MapPatientProfileApi();
        bot.MapPaymentsApi();
        bot.MapOutboxApi();
        bot.MapSupportApi();

        // Staff API: its own token (ADMIN_API_TOKEN), never the bot's secret.
        var staff = app.MapGroup(Routes.AdminPrefix).RequireAuthorization(AdminTokenAuthenticationHandler.PolicyName);
        staff.MapStaffAppointmentsApi();
        staff.MapStaffDocumentsApi();
        staff.MapStaffFeedbackApi();
        staff.MapStaffSupportApi();
        staff.MapStaffPaymentsApi();
        staff.MapBroadcastsApi("Staff");

        // The bot's admin side: the bot's secret and an administrator's telegram_id (ADMIN_TELEGRAM_IDS).
        app.MapGroup(BroadcastRoutes.BotAdminPrefix).RequireAuthorization().RequireAdminTelegramId().MapBroadcastsApi("BotAdmin");

        // Public: a document's QR code opens it; it shows initials only.
        app.MapVerifyApi();
        // Public: the sandbox payment page a sandbox QR code opens (404 when Kaspi is configured).
        app.MapSandboxPaymentPage();
        // Public: a broadcast button's link counts the click and redirects.
        app.MapBroadcastClicks();
        return app;
    }

    private static async Task<IResult> CheckHealth(ClinicDbContext db, CancellationToken cancellationToken) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? TypedResults.Ok(new { status = "ok", database = db.Provider.ToString().ToLowerInvariant() })
            : TypedResults.Json(new ApiError("database_unavailable", "The database does not answer."), statusCode: StatusCodes.Status503ServiceUnavailable);
}
