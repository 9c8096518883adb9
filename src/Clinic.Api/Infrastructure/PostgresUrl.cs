using Clinic.Contracts;
using Npgsql;

namespace Clinic.Api;

/// <summary>Turns a Heroku-style <c>postgres://user:pass@host:port/db</c> URL into an Npgsql connection string.</summary>
public static class PostgresUrl
{
    /// <summary>
    /// The Npgsql connection string, or an empty one with a problem noted in <paramref name="values"/>. The problem never
    /// repeats the value: it holds the database password.
    /// </summary>
    public static string ToConnectionString(string value, string variableName, SettingValues values)
    {
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) &&
            !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return Validated(value, variableName, values);

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            values.Problem($"{variableName} is not a valid postgres:// URL: expected postgres://user:password@host:port/database.");
            return "";
        }
        var userInfo = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = Uri.UnescapeDataString(userInfo[0]),
        };
        if (userInfo.Length == 2)
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        return builder.ConnectionString;
    }

    private static string Validated(string value, string variableName, SettingValues values)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(value).ConnectionString;
        }
        catch (ArgumentException)
        {
            values.Problem($"{variableName} is neither a postgres:// URL nor a valid Npgsql connection string (Host=...;Database=...).");
            return "";
        }
    }
}
