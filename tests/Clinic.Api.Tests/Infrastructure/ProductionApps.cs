using Microsoft.AspNetCore.Hosting;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>
/// The API as a production server runs it: the Production environment, a public address, long secrets, and no
/// KASPI_API_KEY. <paramref name="publicOpenApi"/> and <paramref name="paymentsSandbox"/> set OPENAPI_PUBLIC and PAYMENTS_SANDBOX.
/// </summary>
public abstract class ProductionApp(ITestDatabase database, bool publicOpenApi = false, bool paymentsSandbox = false) : ClinicApp(database)
{
    protected override string BotSecret => "production-bot-secret-0123456789abcdef0123456789abcdef";
    protected override string StaffSecret => "production-staff-token-0123456789abcdef0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("PUBLIC_BASE_URL", "https://clinic.example");
        if (publicOpenApi)
            builder.UseSetting("OPENAPI_PUBLIC", "true");
        if (paymentsSandbox)
            builder.UseSetting("PAYMENTS_SANDBOX", "true");
    }
}

public sealed class ProductionSqliteApp() : ProductionApp(new SqliteTestDatabase());

public sealed class ProductionPostgresApp() : ProductionApp(new PostgresTestDatabase());

public sealed class OpenedProductionSqliteApp() : ProductionApp(new SqliteTestDatabase(), publicOpenApi: true, paymentsSandbox: true);

public sealed class OpenedProductionPostgresApp() : ProductionApp(new PostgresTestDatabase(), publicOpenApi: true, paymentsSandbox: true);
