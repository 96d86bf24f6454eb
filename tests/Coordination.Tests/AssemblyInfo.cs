// Fixtures start real servers and brokers: run fixtures side by side, but tests within one in order.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
