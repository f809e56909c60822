// Activity and meter listeners are process-wide and every app here starts its own emulator: one test at a time,
// so every activity, measurement and log line a test sees is its own.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
