using System;
using Microsoft.CodeAnalysis;
using InitAnalyzers.Configuration;
using InitAnalyzers.Facts;

namespace InitAnalyzers.Rules;

/// <summary>A judgement over facts. A rule never looks at a framework's API, only at <see cref="WeightSite"/>s.</summary>
internal interface IWeightRule
{
    DiagnosticDescriptor Descriptor { get; }

    void Judge(WeightSite site, InitOptions options, Action<Diagnostic> report);
}
