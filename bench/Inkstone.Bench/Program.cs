using Inkstone.Bench;

// Benchmarks are programs, not tests: each prints its figures and the ratios against peers measured in the same run.
return await BenchmarkRegistry.RunAsync(args).ConfigureAwait(false);
