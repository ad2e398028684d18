// One browser at a time: the figures the measurement test prints must not share the machine with the other tests.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
