using Clinic.Bench;
using Clinic.Bench.Http;
using Clinic.Bench.Outbox;
using Clinic.Bench.Pdf;
using Clinic.Bench.Race;
using Clinic.Bench.Broadcasts;
using Clinic.Bench.Slots;
using Clinic.Bench.Webhook;

// Every benchmark is a sub-command in its own folder; list new ones here, in the order `help` should show them.
IBenchCommand[] commands =
[
    new SlotsBenchmark(),
    new BookingRaceBenchmark(),
    new HttpThroughputBenchmark(),
    new WebhookBenchmark(),
    new WebhookBotProcess(),
    new CertificatePdfBenchmark(),
    new BroadcastPlanBenchmark(),
    new BroadcastSendBenchmark(),
    new SendRateBenchmark(),
];

return await BenchCli.RunAsync(commands, args);
