using Clinic.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddClinicApi();
var app = builder.Build();
app.UseClinicApi();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
