using Clinic.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Clinic.Api.Tests.Features.Broadcasts;

/// <summary>The API with one Telegram administrator configured (ADMIN_TELEGRAM_IDS).</summary>
public abstract class AdminApp(ITestDatabase database) : ClinicApp(database)
{
    public const long AdminTelegramId = 555_000_001;
    public const long NotAdminTelegramId = 555_000_002;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ADMIN_TELEGRAM_IDS", $"{AdminTelegramId}, 555000003");
        builder.UseSetting("PUBLIC_BASE_URL", "https://clinic.example");
    }
}

public sealed class AdminSqliteApp() : AdminApp(new SqliteTestDatabase());

public sealed class AdminPostgresApp() : AdminApp(new PostgresTestDatabase());
