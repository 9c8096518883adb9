using Clinic.Contracts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.Api;

public static class ClinicApiOptionsSetup
{
    /// <summary>
    /// Binds <see cref="ClinicApiSettings"/> to the configuration and validates it when the host starts
    /// (<c>ValidateOnStart</c>); <see cref="ClinicApiOptions"/> is a singleton read from the validated settings. Returns
    /// the options as configured now, for the choices made while registering (the database provider, Kaspi or the
    /// sandbox): a malformed value there is its default until the validation stops the start.
    /// </summary>
    public static ClinicApiOptions AddClinicApiOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClinicApiSettings>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClinicApiSettings>, ClinicApiSettings.Validator>());
        services.AddSingleton(sp => ClinicApiOptions.Read(sp.GetRequiredService<IOptions<ClinicApiSettings>>().Value, new SettingValues()));
        return ClinicApiOptions.Read(configuration.Get<ClinicApiSettings>() ?? new ClinicApiSettings(), new SettingValues());
    }
}
