using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Clinic.Contracts;

/// <summary>
/// What every contract promises and the serializer alone does not check, checked once for every type as it is read:
/// an enum holds one of its defined values (<c>{"language":99}</c> is refused, not stored), and a list holds no null
/// (<c>{"results":[null]}</c>). A breach is a <see cref="ContractViolationException"/>, which the API answers as a 400
/// naming the field. It works on the contract metadata, not by converters, so the OpenAPI schemas keep their enums.
/// </summary>
public static class ContractChecks
{
    public static void Apply(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
            return;
        var checks = typeInfo.Properties.Select(CheckOf).OfType<Action<object>>().ToArray();
        if (checks.Length == 0)
            return;
        var earlier = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var check in checks)
                check(value);
        };
    }

    private static Action<object>? CheckOf(JsonPropertyInfo property)
    {
        if (property.Get is not { } get)
            return null;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type.IsEnum)
            return value =>
            {
                if (get(value) is { } member && !Enum.IsDefined(type, member))
                    throw new ContractViolationException(property.Name, $"{member} is not one of its values.");
            };
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && !IsDictionary(type) && !HoldsValues(type))
            return value =>
            {
                if (get(value) is IEnumerable items && items.Cast<object?>().Any(item => item is null))
                    throw new ContractViolationException(property.Name, "May not hold null.");
            };
        return null;
    }

    /// <summary>Arrays and lists of numbers and the like, which cannot hold null (and are not worth walking).</summary>
    private static bool HoldsValues(Type type)
    {
        var element = type.IsArray ? type.GetElementType() : type.IsGenericType && type.GetGenericArguments() is [var only] ? only : null;
        return element is { IsValueType: true } && Nullable.GetUnderlyingType(element) is null;
    }

    private static bool IsDictionary(Type type) => typeof(IDictionary).IsAssignableFrom(type) ||
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
}

/// <summary>A value the contract does not allow in <see cref="Field"/> (its JSON name), found while reading it.</summary>
public sealed class ContractViolationException(string field, string problem) : JsonException($"{field}: {problem}")
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
