using System.Net;
using Clinic.Api.Tests.Features.Payments;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>
/// What a production server without OPENAPI_PUBLIC, PAYMENTS_SANDBOX or Kaspi shows the world: no map of the API, and no
/// fake payment page a patient could mistake for a real one.
/// </summary>
public abstract class ProductionSurfaceTests(ClinicApp app) : PaymentsTestBase(app)
{
    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar")]
    [InlineData("/scalar/")]
    public async Task The_api_reference_is_not_served(string path)
    {
        var response = await App.Anonymous.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Without_kaspi_an_invoice_is_refused_as_payments_unavailable_and_no_sandbox_invoice_or_page_exists()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "booked");

        await AssertErrorAsync(await CreateInvoiceAsync(patient.TelegramId, visit.Id), HttpStatusCode.ServiceUnavailable, ErrorCodes.PaymentsUnavailable);

        Assert.Equal(0, await InDatabaseAsync(db => db.Invoices.CountAsync(i => i.PatientId == patient.Id, Cancel)));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous.GetAsync("/pay/sandbox/0123456789abcdef", Cancel)).StatusCode);
    }
}

public sealed class ProductionSurfaceSqliteTests(ProductionSqliteApp app) : ProductionSurfaceTests(app), IClassFixture<ProductionSqliteApp>;

public sealed class ProductionSurfacePostgresTests(ProductionPostgresApp app) : ProductionSurfaceTests(app), IClassFixture<ProductionPostgresApp>;

/// <summary>The same production server with OPENAPI_PUBLIC=true and PAYMENTS_SANDBOX=true: the operator asked for both.</summary>
public abstract class OpenedProductionSurfaceTests(ClinicApp app) : PaymentsTestBase(app)
{
    [Theory]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/scalar/", "text/html")]
    public async Task Openapi_public_serves_the_api_reference(string path, string mediaType)
    {
        var response = await App.Anonymous.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Payments_sandbox_gives_a_sandbox_invoice_whose_page_opens()
    {
        var patient = await RegisterAsync();
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);

        Assert.Equal("sandbox", invoice.Provider);
        Assert.StartsWith("https://clinic.example/pay/sandbox/", invoice.PayUrl);
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous.GetAsync(new Uri(invoice.PayUrl!).AbsolutePath, Cancel)).StatusCode);
    }
}

public sealed class OpenedProductionSurfaceSqliteTests(OpenedProductionSqliteApp app) : OpenedProductionSurfaceTests(app), IClassFixture<OpenedProductionSqliteApp>;

public sealed class OpenedProductionSurfacePostgresTests(OpenedProductionPostgresApp app) : OpenedProductionSurfaceTests(app), IClassFixture<OpenedProductionPostgresApp>;
