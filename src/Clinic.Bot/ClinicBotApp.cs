using Clinic.Bot.ClinicApi;
using Clinic.Bot.Configuration;
using Clinic.Bot.Conversation;
using Clinic.Bot.Features.Admin;
using Clinic.Bot.Features.Booking;
using Clinic.Bot.Features.Feedback;
using Clinic.Bot.Features.Documents;
using Clinic.Bot.Features.Menu;
using Clinic.Bot.Features.MyAppointments;
using Clinic.Bot.Features.Payments;
using Clinic.Bot.Features.Profile;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Features.Reminders;
using Clinic.Bot.Features.Start;
using Clinic.Bot.Features.Support;
using Clinic.Bot.Localization;
using Clinic.Bot.Notifications;
using Clinic.Bot.Telegram;
using Clinic.Bot.Telemetry;
using Clinic.Contracts;
using Microsoft.Extensions.Options;
using Clinic.Contracts.Telemetry;
using StackExchange.Redis;
using Telegram.Bot;

namespace Clinic.Bot;

/// <summary>
/// Puts the bot into a web host: on its own (Program.cs) or next to the clinic API in one process.
/// Settings come from the host's configuration, which includes the environment.
/// </summary>
public static class ClinicBotApp
{
    public static WebApplicationBuilder AddClinicBot(this WebApplicationBuilder builder)
    {
        builder.AddClinicLogging();
        var services = builder.Services;
        var options = services.AddBotOptions(builder.Configuration);
        // Microsoft.Extensions.Http logs every request's full URL, and the Bot API's URLs carry the bot token: no client
        // logs its requests, whatever level an operator sets.
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
        services.Configure<HostOptions>(host => host.ShutdownTimeout = HostShutdown.Timeout);
        services.TryAddSingletonTimeProvider();
        services.AddSingleton(Localizer.LoadEmbedded());
        builder.AddClinicBotTelemetry(options);
        services.AddClinicApiClient(options.DjangoApiUrl.ToString(), options.TelegramBotApiSecret);
        services.AddApiCapabilities();

        // Configure Telegram
        services.AddHttpClient("telegram");
        services.AddSingleton<ITelegramBotClient>(sp => new TelegramBotClient(
            new TelegramBotClientOptions(options.TelegramBotToken, options.TelegramApiUrl.ToString().TrimEnd('/')),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("telegram")));

        // Configure conversation state
        if (options.RedisHost is not null)
        {
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(new ConfigurationOptions
            {
                EndPoints = { { options.RedisHost, options.RedisPort } },
                AbortOnConnectFail = false,
            }));
            services.AddSingleton<IStateStore>(sp => new RedisStateStore(sp.GetRequiredService<IConnectionMultiplexer>(), options.RedisDb));
        }
        else
        {
            services.AddSingleton<IStateStore>(sp => new SqliteStateStore(options.BotStatePath, sp.GetRequiredService<TimeProvider>()));
        }

        // Configure the dispatcher: routers in the order they are tried, like aiogram's include_routers.
        services.AddSingleton(sp => new Dispatcher(
            [
                MenuRouter.Create(),
                StartRouter.Create(),
                RegistrationRouter.Create(),
                BookingRouter.Create(),
                AppointmentsRouter.Create(),
                FeedbackRouter.Create(),
                ProfileRouter.Create(),
                DocumentsRouter.Create(),
                PaymentsRouter.Create(),
                RemindersRouter.Create(),
                SupportRouter.Create(),
                AdminRouter.Create(),
            ],
            sp.GetRequiredService<Localizer>()));
        services.AddFeedback();
        services.AddPayments();
        services.AddAdmin();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<ChatLocks>();
        services.AddSingleton<PatientCache>();
        services.AddSingleton<RecentUpdates>();
        services.AddSingleton<UpdateQueue>();
        services.AddSingleton<UpdatePipeline>();
        services.AddSupport();
        UpdatePipeline.Register(services);

        // Configure background work: handling queued updates, polling, telling Telegram about the bot.
        // The loops' heartbeats are wall-clock time, whatever clock a host gives the features.
        services.AddSingleton(sp => new LoopLiveness(TimeProvider.System, sp.GetRequiredService<IHostApplicationLifetime>()));
        services.AddHostedService<UpdateWorker>();
        services.AddHostedService<PollingService>();
        services.AddHostedService<BotStartupService>();
        services.AddWebhookRateLimit();

        // Configure the outbox: the sender and the renderers of the messages the clinic starts.
        services.AddNotifications(options);
        services.AddReminders();
        services.AddBotHealth(options);
        return builder;
    }

    public static WebApplication UseClinicBot(this WebApplication app)
    {
        // Refused settings (ValidateOnStart) stop the start here, before the host would log them as a failed start.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.UseClinicRateLimiting();
        app.MapTelegramWebhook();
        app.MapClinicMetrics();
        return app;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
