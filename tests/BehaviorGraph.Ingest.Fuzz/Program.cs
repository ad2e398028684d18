using BehaviorGraph.Ingest.Fuzz;
using SharpFuzz;

return args switch
{
    ["csv"] => Fuzz(csv: true),
    ["jsonl"] => Fuzz(csv: false),
    ["replay", var format, .. var paths] when format is "csv" or "jsonl" => ReaderTarget.Replay(format == "csv", paths),
    ["bench", var file] => await ParseBenchmark.RunAsync(file, 5, "this build"),
    ["bench", var file, var repeats] => await ParseBenchmark.RunAsync(file, int.Parse(repeats, System.Globalization.CultureInfo.InvariantCulture), "this build"),
    _ => Usage(),
};

static int Fuzz(bool csv)
{
    // AFL++ runs this process as its fork server; each input goes through the reader in this process (persistent).
    Fuzzer.Run(stream => ReaderTarget.Check(stream, csv));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: BehaviorGraph.Ingest.Fuzz csv|jsonl          (under afl-fuzz, see fuzz.sh)");
    Console.Error.WriteLine("       BehaviorGraph.Ingest.Fuzz replay csv|jsonl PATH...   (run files or folders of inputs, report failures)");
    Console.Error.WriteLine("       BehaviorGraph.Ingest.Fuzz bench FILE [REPEATS]       (parse-only throughput of a CSV or JSON Lines file)");
    return 2;
}
