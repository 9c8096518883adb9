using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Bench.Loopback;
using Clinic.Contracts;

namespace Clinic.Bench.Race;

/// <summary>
/// N patients press "Confirm" on the same slot at once: N concurrent <c>POST /api/bot/appointments/</c> over loopback
/// against the real API, on SQLite and (when CLINIC_TEST_POSTGRES is set) on PostgreSQL. Exactly one must be created
/// and every other answered 409 <c>slot_taken</c>. Each round takes the first slot of another day, so the winners of
/// earlier rounds do not collide with themselves.
/// Options: --clients (50), --rounds (5), --databases (sqlite,postgres).
/// </summary>
public sealed class BookingRaceBenchmark : IBenchCommand
{
    public string Name => "race";

    public string Description => "50 concurrent bookings of one slot over loopback (SQLite, PostgreSQL): 1 created, 49 409 slot_taken, wall time";

    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var clients = options.GetPositiveInt("clients", 50);
        var rounds = Math.Min(options.GetPositiveInt("rounds", 5), 30);
        var databases = options.GetString("databases", "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Console.WriteLine($"load average before: {LoadAverage.Read()}");

        var ok = true;
        foreach (var database in databases)
        {
            ApiServer server;
            if (database == "postgres")
            {
                var postgres = Environment.GetEnvironmentVariable("CLINIC_TEST_POSTGRES");
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    Console.WriteLine("PostgreSQL: skipped (CLINIC_TEST_POSTGRES is not set)");
                    continue;
                }

                server = await ApiServer.StartPostgresAsync(postgres, cancellationToken);
            }
            else
            {
                server = await ApiServer.StartSqliteAsync(cancellationToken);
            }

            await using (server)
            {
                ok &= await RaceAsync(server, clients, rounds, cancellationToken);
            }
        }

        Console.WriteLine($"load average after: {LoadAverage.Read()}");
        return ok ? 0 : 1;
    }

    private static async Task<bool> RaceAsync(ApiServer server, int clients, int rounds, CancellationToken ct)
    {
        using var api = server.BotClient(clients + 8);
        var patients = await BenchClinic.RegisterPatientsAsync(api, clients, 900_000_000 + Random.Shared.Next(0, 1_000_000) * 100L, ct);
        var (branch, service) = await BenchClinic.FirstBranchAndServiceAsync(api, ct);
        var today = BenchClinic.Today(branch);
        var slots = await api.GetFromJsonAsync<SlotSearchResponse>(
            $"{Routes.Slots}?branch_id={branch.Id}&service_id={service.Id}&from={BenchClinic.Day(today.AddDays(1))}&to={BenchClinic.Day(today.AddDays(45))}",
            ClinicJson.Options, ct);
        var firstSlotOfEachDay = slots!.Days.Where(d => d.FreeSlots > 0).ToList();

        var ok = true;
        var walls = new List<double>();
        for (var round = 0; round < rounds && !ct.IsCancellationRequested; round++)
        {
            var day = firstSlotOfEachDay[round];
            var dayDetail = await api.GetFromJsonAsync<SlotSearchResponse>(
                $"{Routes.Slots}?branch_id={branch.Id}&service_id={service.Id}&date={BenchClinic.Day(day.Date)}", ClinicJson.Options, ct);
            var slot = dayDetail!.Days.Single().Slots![0];

            // Open every connection first, so the race is between requests, not TCP handshakes.
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => api.GetAsync(Routes.Branches, ct)));

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = patients.Select(async telegramId =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Appointments)
                {
                    Content = JsonContent.Create(new CreateAppointmentRequest(telegramId, branch.Id, service.Id, slot.DoctorIds[0], slot.Start), options: ClinicJson.Options),
                };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
                await gate.Task;
                using var response = await api.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                return (response.StatusCode, Code: response.IsSuccessStatusCode ? null : ErrorCode(body));
            }).ToList();

            var started = Stopwatch.GetTimestamp();
            gate.SetResult();
            var results = await Task.WhenAll(attempts);
            var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            walls.Add(wall);

            var created = results.Count(r => r.StatusCode == HttpStatusCode.Created);
            var taken = results.Count(r => r.StatusCode == HttpStatusCode.Conflict && r.Code == ErrorCodes.SlotTaken);
            var other = results.Where(r => r.StatusCode != HttpStatusCode.Created && !(r.StatusCode == HttpStatusCode.Conflict && r.Code == ErrorCodes.SlotTaken))
                .GroupBy(r => $"{(int)r.StatusCode} {r.Code}").Select(g => $"{g.Count()}× {g.Key}").ToList();
            var met = created == 1 && taken == clients - 1;
            ok &= met;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{server.Database,-10} round {round + 1}: {clients} concurrent POSTs for {slot.Start:yyyy-MM-dd HH:mm}Z → {created} created, {taken} 409 slot_taken{(other.Count > 0 ? ", other: " + string.Join(", ", other) : "")}; wall {wall:0.0} ms; {(met ? "OK" : "NOT OK")}"));
        }

        if (walls.Count > 0)
        {
            var sorted = walls.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{server.Database,-10} wall time over {walls.Count} rounds: min {sorted[0]:0.0} ms, median {sorted[sorted.Length / 2]:0.0} ms, max {sorted[^1]:0.0} ms"));
        }

        return ok;
    }

    private static string? ErrorCode(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<ApiError>(body, ClinicJson.Options)?.Code;
        }
        catch (JsonException)
        {
            return "unreadable";
        }
    }
}
