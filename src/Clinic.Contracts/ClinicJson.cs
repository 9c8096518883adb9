using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clinic.Contracts;

/// <summary>
/// The wire format shared by the API and the bot: snake_case like Django REST Framework,
/// enums as snake_case strings, nulls omitted.
/// </summary>
public static class ClinicJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
