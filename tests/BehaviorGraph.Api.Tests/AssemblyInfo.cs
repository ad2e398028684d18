// Hangfire keeps its storage and filters in process-wide statics (JobStorage.Current, GlobalConfiguration): a service
// built by one test while another test's job server runs redirects that server's client to the wrong storage, and its
// triggered jobs stay Scheduled. Each test class here builds services, so the classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
