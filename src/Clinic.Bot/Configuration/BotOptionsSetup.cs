using Clinic.Contracts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Configuration;

public static class BotOptionsSetup
{
    /// <summary>
    /// Binds <see cref="BotSettings"/> to the configuration and validates it when the host starts (<c>ValidateOnStart</c>);
    /// <see cref="BotOptions"/> is a singleton read from the validated settings. Returns the options as configured now,
    /// for the choices made while registering (Redis or SQLite, the API's address): a malformed value there is its
    /// default until the validation stops the start.
    /// </summary>
    public static BotOptions AddBotOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotSettings>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotSettings>, BotSettings.Validator>());
        services.AddSingleton(sp => BotOptions.Read(sp.GetRequiredService<IOptions<BotSettings>>().Value, new SettingValues()));
        return BotOptions.Read(configuration.Get<BotSettings>() ?? new BotSettings(), new SettingValues());
    }
}
