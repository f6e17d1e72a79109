using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Xunit.Sdk;

namespace InitAnalyzers.Tests.Infrastructure;

/// <summary>One test's compilation as the suite wrote it: its source files without markup, and its reference set.</summary>
public sealed record HarvestedInput(string Name, ImmutableArray<(string Path, string Text)> Sources, ReferenceAssemblies References, bool IsFixedState);

/// <summary>
/// Collects every C# input of the test suite by running each test method (facts, and theories with their data) while
/// the verifiers only record: <see cref="InitAnalyzerTest"/> and <see cref="InitCodeFixTest{TCodeFix}"/> note their sources,
/// including template placeholders already substituted, and return at once. Nothing is parsed from the test files.
/// </summary>
public static class TestInputHarvest
{
    private static readonly AsyncLocal<Recorder?> Current = new();
    private static readonly Lazy<Task<ImmutableArray<HarvestedInput>>> All = new(HarvestAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary><c>{|INIT001:</c>, <c>{|#0:</c>, <c>[|</c>, <c>|]</c>, <c>|}</c>: spans the testing library reads and the compiler never sees.</summary>
    private static readonly Regex Markup = new(@"\{\|[^:|{}\s]*:|\[\||\|\]|\|\}", RegexOptions.Compiled);

    /// <summary>The inputs of every test outside <paramref name="excludedNamespacePrefix"/>, each distinct compilation once.</summary>
    public static Task<ImmutableArray<HarvestedInput>> GetAsync() => All.Value;

    /// <summary>Called by the recording tests: true when a harvest is running, so the test must not run.</summary>
    internal static bool TryRecord(SolutionState testState, SolutionState? fixedState, ReferenceAssemblies references)
    {
        if (Current.Value is not { } recorder)
        {
            return false;
        }

        recorder.Add(testState, references, isFixedState: false);
        if (fixedState is not null)
        {
            recorder.Add(fixedState, references, isFixedState: true);
        }

        return true;
    }

    private static async Task<ImmutableArray<HarvestedInput>> HarvestAsync()
    {
        var inputs = new List<HarvestedInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in TestMethods())
        {
            foreach (var arguments in Arguments(method))
            {
                var recorder = new Recorder(method.DeclaringType!.Name + "." + method.Name + (arguments.Length == 0 ? string.Empty : "(" + string.Join(", ", arguments) + ")"));
                await RunRecordingAsync(method, arguments, recorder).ConfigureAwait(false);
                foreach (var input in recorder.Inputs)
                {
                    // Many tests share a template; a compilation met before adds nothing.
                    if (seen.Add(string.Join("\0", input.Sources.Select(source => source.Text)) + "\0" + input.References.GetHashCode()))
                    {
                        inputs.Add(input);
                    }
                }
            }
        }

        return inputs.ToImmutableArray();
    }

    private static async Task RunRecordingAsync(MethodInfo method, object?[] arguments, Recorder recorder)
    {
        // The recorder flows only into this call: tests running in parallel elsewhere are unaffected.
        Current.Value = recorder;
        try
        {
            var instance = method.IsStatic ? null : Activator.CreateInstance(method.DeclaringType!);
            var result = method.Invoke(instance, arguments);
            if (result is Task task)
            {
                await task.ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // A test that asserts after its verifier ran sees nothing while recording; its inputs are already noted.
        }
        finally
        {
            Current.Value = null;
        }
    }

    /// <summary>Test methods of this assembly, except the robustness tests that consume the harvest.</summary>
    private static IEnumerable<MethodInfo> TestMethods() =>
        typeof(TestInputHarvest).Assembly.GetTypes()
            .Where(type => type.IsClass && !type.IsAbstract && type.Namespace is { } ns && !ns.StartsWith("InitAnalyzers.Tests.Robustness", StringComparison.Ordinal))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttribute<FactAttribute>() is { Skip: null });

    private static IEnumerable<object?[]> Arguments(MethodInfo method)
    {
        if (method.GetCustomAttribute<TheoryAttribute>() is null)
        {
            return new[] { Array.Empty<object?>() };
        }

        return method.GetCustomAttributes<DataAttribute>().SelectMany(data => data.GetData(method) ?? Enumerable.Empty<object?[]>());
    }

    private sealed class Recorder
    {
        private readonly string testName;

        public Recorder(string testName) => this.testName = testName;

        public List<HarvestedInput> Inputs { get; } = new();

        public void Add(SolutionState state, ReferenceAssemblies references, bool isFixedState)
        {
            if (state.Sources.Count == 0)
            {
                return;
            }

            var keepMarkup = state.MarkupHandling == MarkupMode.None;
            var sources = state.Sources
                .Select((source, index) => (Path: string.IsNullOrEmpty(source.filename) ? $"Test{index}.cs" : source.filename, Text: source.content.ToString()))
                .Select(source => (source.Path, keepMarkup ? source.Text : Markup.Replace(source.Text, string.Empty)))
                .ToImmutableArray();
            Inputs.Add(new HarvestedInput($"{testName}#{Inputs.Count}{(isFixedState ? " (fixed)" : string.Empty)}", sources, references, isFixedState));
        }
    }
}
