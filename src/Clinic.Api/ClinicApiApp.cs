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
using Clinic.Api.Infrastructure.Telemetry;
using Clinic.Contracts;
using Clinic.Contracts.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Clinic.Api;

/// <summary>
/// The clinic API as a pair of extensions, so <c>Program.cs</c> and other hosts (the all-in-one server) can embed it.
/// </summary>
public static class ClinicApiApp
{
    public static WebApplicationBuilder AddClinicApi(this WebApplicationBuilder builder)
    {
        builder.AddClinicLogging();
        var services = builder.Services;
        var options = services.AddClinicApiOptions(builder.Configuration);
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
        services.AddClinicPayments(options, sandbox: options.PaymentsSandbox ?? builder.Environment.IsDevelopment());
        services.AddClinicPublicRateLimit(options);
        services.AddScoped<AccountErasure>();
        services.AddClinicApiHealth();
        builder.AddClinicApiTelemetry();
        return builder;
    }

    public static WebApplication UseClinicApi(this WebApplication app)
    {
        // Refused settings (ValidateOnStart) stop the start here, before the database is migrated and before the host
        // would log the refusal as a failed start with a stack trace.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var options = app.Services.GetRequiredService<ClinicApiOptions>();
        app.UseClinicForwardedHeaders(options);
        app.UseClinicSecurityHeaders();
        app.UseClinicErrorHandling();
        app.UseClinicRateLimiting();
        app.UseAuthentication();
        app.UseAuthorization();

        DatabaseSetup.MigrateAndSeedAsync(app.Services).GetAwaiter().GetResult();

        app.MapClinicApiHealth();
        app.MapClinicMetrics();
        // The API's map helps an attacker as much as a developer: public in Production only when OPENAPI_PUBLIC=true.
        if (app.IsOpenApiPublic())
        {
            app.MapOpenApi();
            app.MapScalarApiReference(scalar => scalar.WithNonce());
        }

        // Public, and rate-limited per client address.
        var open = app.MapGroup("").RequireRateLimiting(PublicRateLimit.PolicyName).ProducesErrors(429);
        // A document's QR code opens it; it shows initials only.
        open.MapVerifyApi();
        // The sandbox payment page a sandbox QR code opens: only when the sandbox is the provider.
        if (app.Services.GetService<SandboxPaymentProvider>() is not null)
            open.MapSandboxPaymentPage();
        // A broadcast button's link counts its recipient's click and redirects.
        open.MapBroadcastClicks();

        var bot = app.MapGroup(Routes.BotPrefix).RequireAuthorization().ProducesErrors(401);
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
        var staff = app.MapGroup(Routes.AdminPrefix).RequireAuthorization(AdminTokenAuthenticationHandler.PolicyName)
            .ProducesErrors(401);
        staff.MapStaffAppointmentsApi();
        staff.MapStaffDocumentsApi();
        staff.MapStaffFeedbackApi();
        staff.MapStaffSupportApi();
        staff.MapStaffPaymentsApi();
        staff.MapBroadcastsApi("Staff");

        // The bot's admin side: the bot's secret and an administrator's telegram_id (ADMIN_TELEGRAM_IDS).
        app.MapGroup(BroadcastRoutes.BotAdminPrefix).RequireAuthorization().ProducesErrors(401)
            .RequireAdminTelegramId().MapBroadcastsApi("BotAdmin");

        return app;
    }

    /// <summary>OPENAPI_PUBLIC, or by default whether this is Development.</summary>
    public static bool IsOpenApiPublic(this WebApplication app) =>
        app.Services.GetRequiredService<ClinicApiOptions>().OpenApiPublic ?? app.Environment.IsDevelopment();
}
