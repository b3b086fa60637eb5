// The tests share one machine's registry and Service Control Manager, and clean up before and
// after each test by removing every test-owned key and service: they must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
