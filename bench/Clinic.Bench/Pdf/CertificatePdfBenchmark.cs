using System.Diagnostics;
using System.Globalization;
using Clinic.Api.Features.Documents;
using Clinic.Api.Features.Documents.Pdf;
using Clinic.Bench.Measurement;
using Clinic.Contracts;

namespace Clinic.Bench.Pdf;

/// <summary>
/// The API's certificate generator in process (<see cref="CertificatePdf.Create"/>): the first call (font and QR
/// code paths cold), then the time and size of a visit certificate in Russian and a sport certificate in Kazakh.
/// Options: --warmup (20), --iterations (200).
/// </summary>
public sealed class CertificatePdfBenchmark : IBenchCommand
{
    private static readonly string Number = DocumentNumbers.New();

    public string Name => "pdf";

    public string Description => "Certificate PDF (QR, embedded font) generated in process: time per PDF and size, ru and kk";

    public Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var warmup = Math.Min(options.GetPositiveInt("warmup", 20), 10_000);
        var iterations = Math.Min(options.GetPositiveInt("iterations", 200), 100_000);
        Console.WriteLine($"load average: {LoadAverage.Read()}");

        var visitRu = Content(DocumentKind.VisitCertificate, Language.Ru, "Иванова Анна Сергеевна", "ТОО «Ромашка»", null);
        var sportKk = Content(DocumentKind.SportCertificate, Language.Kk, "Сәрсенова Әйгерім Қуанышқызы", null, "жүзу, «Дельфин» бассейні");

        var cold = Stopwatch.GetTimestamp();
        CertificatePdf.Create(visitRu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first PDF in the process: {Stopwatch.GetElapsedTime(cold).TotalMilliseconds:0.0} ms"));

        foreach (var (name, content) in new[] { ("visit certificate, ru", visitRu), ("sport certificate, kk", sportKk) })
        {
            var size = 0;
            for (var i = 0; i < warmup && !cancellationToken.IsCancellationRequested; i++)
            {
                size = CertificatePdf.Create(content).Length;
            }

            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var samples = new List<double>(iterations);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < iterations && !cancellationToken.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                size = CertificatePdf.Create(content).Length;
                samples.Add(LatencySummary.ToMilliseconds(Stopwatch.GetTimestamp() - started));
            }

            if (samples.Count == 0)
            {
                return Task.FromResult(1);
            }

            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / samples.Count;
            self.Refresh();
            var cpuPerPdf = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / samples.Count;
            var summary = LatencySummary.FromMilliseconds(samples);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} size {size:N0} bytes ({size / 1024.0:0.0} KiB); {summary}; {allocated:N0} bytes allocated per PDF; {cpuPerPdf:0.0} ms process CPU per PDF"));
        }

        return Task.FromResult(0);
    }

    private static CertificateContent Content(DocumentKind kind, Language language, string patient, string? organization, string? sport) => new(
        kind, language, Number, new DateOnly(2026, 11, 27), "Медицинский центр «Денсаулық»",
        language == Language.Kk ? "Абай даңғылындағы клиника" : "Клиника на Абая", "г. Алматы, пр. Абая, 150", "+77272500150",
        patient, new DateOnly(1992, 3, 15), new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero), "Asia/Almaty",
        "Ахметова Айгүл Серікқызы", "Терапевт", language == Language.Kk ? "Терапевт қабылдауы" : "Приём терапевта",
        new Uri("https://clinic.example.kz/verify/" + Number), organization, sport);
}
