using System;
using System.Diagnostics;
using System.Linq;
using InitExperiment;
using InitExperiment.Data;
using InitExperiment.Reporting;
using InitExperiment.Training;
using Spectre.Console;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(ExperimentOptions.Usage);
    return 0;
}

ExperimentOptions options;
try
{
    options = ExperimentOptions.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(ExperimentOptions.Usage);
    return 2;
}

// Spectre assumes 80 columns when the output is redirected; the table needs more.
if (Console.IsOutputRedirected)
    AnsiConsole.Profile.Width = 160;

var clock = Stopwatch.StartNew();
var data = DigitsDataset.Load(options.DataPath, options.TrainSize);
int networks = Experiment.Configurations(options).Count * options.SeedCount;
AnsiConsole.MarkupLine($"Training [bold]{networks}[/] networks on {data.Train.Count} digits (test: {data.Test.Count}), {options.Threads} at a time.");

ExperimentResults results = null!;
var sync = new object();
AnsiConsole.Progress()
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
    .Start(context =>
    {
        var training = context.AddTask("training", maxValue: Experiment.Work(options));
        results = Experiment.Run(options, data, layerEpochs =>
        {
            lock (sync)
                training.Increment(layerEpochs);
        });
    });

var time = new TrainingTime(clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime);
AnsiConsole.Write(ResultsTable.Build(results));
var written = ReportFiles.Write(results, time);
AnsiConsole.MarkupLine($"Trained in {time.Wall.TotalSeconds:0.0} s ({time.Processor.TotalSeconds:0.0} s of processor time); wrote {written.Count} files to [link]{Markup.Escape(System.IO.Path.GetFullPath(options.OutputFolder))}[/] in {clock.Elapsed.TotalSeconds:0.0} s in all.");
return 0;
