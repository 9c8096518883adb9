using Clinic.Bench;
using Clinic.Bench.Broadcasts;
using Clinic.Bench.Slots;

// Every benchmark is a sub-command in its own folder; list new ones here, in the order `help` should show them.
IBenchCommand[] commands =
[
    new SlotsBenchmark(),
    new BroadcastPlanBenchmark(),
];

return await BenchCli.RunAsync(commands, args);
