using System;
using System.Collections.Generic;
using System.IO;
using InitExperiment.Training;

namespace InitExperiment.Reporting;

/// <summary>How long training took: on the clock, and on the processors (which a busy machine does not inflate).</summary>
internal sealed record TrainingTime(TimeSpan Wall, TimeSpan Processor);

/// <summary>Writes report.md, runs.csv and the PNG plots into the output folder.</summary>
internal static class ReportFiles
{
    public const string Markdown = "report.md";
    public const string Csv = "runs.csv";

    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(ExperimentResults results, TrainingTime? time = null)
    {
        string folder = results.Options.OutputFolder;
        Directory.CreateDirectory(folder);
        var plots = Plots.Write(results, folder);
        File.WriteAllText(Path.Combine(folder, Markdown), MarkdownReport.Write(results, plots, time));
        File.WriteAllText(Path.Combine(folder, Csv), RunsCsv.Write(results));

        var written = new List<string> { Path.Combine(folder, Markdown), Path.Combine(folder, Csv) };
        foreach (var plot in plots)
            written.Add(Path.Combine(folder, plot));
        return written;
    }
}
