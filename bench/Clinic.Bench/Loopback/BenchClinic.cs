using System.Globalization;
using System.Net.Http.Json;
using Clinic.Contracts;

namespace Clinic.Bench.Loopback;

/// <summary>What the benchmarks arrange over the API's own HTTP routes: registered patients and the demo clinic's ids.</summary>
public static class BenchClinic
{
    /// <summary>Registers <paramref name="count"/> patients (consent, name, phone, IIN) with Telegram ids from <paramref name="firstTelegramId"/>.</summary>
    public static async Task<long[]> RegisterPatientsAsync(HttpClient api, int count, long firstTelegramId, CancellationToken ct)
    {
        var ids = Enumerable.Range(0, count).Select(i => firstTelegramId + i).ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (id, token) =>
        {
            var phone = "+7701" + (id % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
            var response = await api.PostAsJsonAsync(Routes.PatientUpsert,
                new PatientUpsertRequest(id, TestIins.Next(TestIins.Woman1992), "Бенчмарк Пациент", phone, Language.Ru, "v1", DateTimeOffset.UtcNow), ClinicJson.Options, token);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Registering patient {id}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
            }
        });
        return ids;
    }

    /// <summary>The first branch and its first service (a consultation in the demo clinic).</summary>
    public static async Task<(BranchDto Branch, ServiceDto Service)> FirstBranchAndServiceAsync(HttpClient api, CancellationToken ct)
    {
        var branches = await api.GetFromJsonAsync<List<BranchDto>>(Routes.Branches, ClinicJson.Options, ct) ?? [];
        var branch = branches[0];
        var services = await api.GetFromJsonAsync<List<ServiceDto>>($"{Routes.Services}?branch_id={branch.Id}", ClinicJson.Options, ct) ?? [];
        return (branch, services[0]);
    }

    public static DateOnly Today(BranchDto branch) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(branch.TimeZone)).DateTime);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
