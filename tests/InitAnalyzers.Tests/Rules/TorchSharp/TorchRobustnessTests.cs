using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.TorchSharpVerifier;
using static InitAnalyzers.Tests.Rules.TorchSharp.TorchSources;

namespace InitAnalyzers.Tests.Rules.TorchSharp;

/// <summary>TorchSharp code as the editor sees it while it is typed, and other shapes the recognizer must survive quietly.</summary>
public sealed class TorchRobustnessTests
{
    /// <summary>Analyzes code with compile errors: only analyzer diagnostics are compared (and an analyzer exception would be one).</summary>
    private static Task VerifyBrokenAsync(string source, params DiagnosticResult[] expected)
    {
        var test = CreateTest();
        test.TestState.Sources.Add(source);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Analyzes code with compile errors and asserts only that no analyzer throws, whatever it reports.</summary>
    private static async Task VerifyNoExceptionAsync(string source)
    {
        var references = await Infrastructure.TestReferences.Net80WithTorchSharp.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("Broken", new[] { CSharpSyntaxTree.ParseText(source) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var analysis = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new InitializationAnalyzer()), options);
        var diagnostics = await analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
    }

    [Theory]
    [InlineData("init.zeros_(fc1.);")]
    [InlineData("init.zeros_(fc1.weight")]
    [InlineData("init.zeros_();")]
    [InlineData("init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.);")]
    [InlineData("init.xavier_uniform_(fc1.weight, gain: init.calculate_gain());")]
    [InlineData("init.zeroz_(fc1.weight);")]
    [InlineData("apply(m => { if (m is Lnear l) init.zeros_(l.weight); });")]
    [InlineData("apply(m => init.zeros_(m.weight));")]
    [InlineData("apply();")]
    [InlineData("foreach (var (name, p) in named_parameters() { init.zeros_(p); }")]
    [InlineData("foreach (var (name, p, q) in named_parameters()) init.zeros_(p);")]
    [InlineData("foreach (var p in parameters) init.zeros_(p);")]
    [InlineData("switch (fc1) { case Linear: init.zeros_(fc1.weight); break; case : break; }")]
    [InlineData("fc1 = Linear(784, );")]
    [InlineData("fc1 = ;")]
    [InlineData("var w = torch.empty(); w.fill_(); undefined = Parameter(w);")]
    public Task Half_typed_initialization_does_not_throw(string init) => VerifyNoExceptionAsync(Mlp(init).Replace("private readonly Linear fc1", "private Linear fc1"));

    [Theory]
    [InlineData("return fc2.forward(act.forward(fc1.forward(x))")]
    [InlineData("return fc2.forward(act.forward(fc1.forward()));")]
    [InlineData("return fc2.(x);")]
    [InlineData("var (a, b) = fc1.forward(x); return a;")]
    [InlineData("x = x.; return x;")]
    [InlineData("return Undefined(fc1.forward(x));")]
    [InlineData("foreach (var layer in layers) x = layer.forward(x); return x;")]
    public Task Half_typed_forward_does_not_throw(string forward) => VerifyNoExceptionAsync(Mlp("init.xavier_uniform_(fc1.weight);", forward));

    [Fact]
    public Task A_forward_missing_its_semicolon_is_still_followed() =>
        VerifyBrokenAsync(Mlp("{|INIT003:init.xavier_uniform_(fc1.weight)|};", "return fc2.forward(act.forward(fc1.forward(x)))"));

    [Fact]
    public Task A_Sequential_being_typed() => VerifyNoExceptionAsync(Usings + """
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> layers = Sequential(("fc1", Linear(784, 256)), ("relu", ), Linear(256, 10), (, ReLU()));

            public Net() : base("net")
            {
                var list = new List<(string, Module<Tensor, Tensor>)>();
                for (var i = 0; i < ; i++) list.Add(($"fc{i}", Linear(64, )));
                list.Add();
                var other = Sequential(list.);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => layers.forward(x);
        }
        """);

    [Fact]
    public Task A_model_whose_base_type_is_not_known_yet_is_still_read_from_its_layers() => VerifyBrokenAsync(Usings + """
        public sealed class Net : Modul<Tensor, Tensor>
        {
            private readonly Linear fc1 = Linear(784, 256);
            private readonly Linear fc2 = Linear(256, 10);

            public Net() : base("net") => {|INIT001:init.zeros_(fc1.weight)|};

            public override Tensor forward(Tensor x) => fc2.forward(fc1.forward(x).relu());
        }
        """);

    [Fact]
    public Task Mutual_recursion_between_init_helpers_terminates() =>
        VerifyAsync(Mlp("A(); } private void A() { B(); init.zeros_(fc1.bias); } private void B() { A(); ", "return Step(x); } private Tensor Step(Tensor x) { return x.sum().item<float>() > 0 ? fc2.forward(Step(fc1.forward(x))) : x;"));

    [Fact]
    public Task A_Sequential_that_holds_a_nested_Sequential_and_itself_is_fine() => VerifyAsync(Usings + """
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Sequential outer;

            public Net() : base("net")
            {
                outer = Sequential(Sequential(Linear(8, 8), ReLU()), Linear(8, 1));
                outer.append("again", outer);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => outer.forward(x);
        }
        """);

    [Fact]
    public Task Without_TorchSharp_nothing_is_registered() =>
        Infrastructure.AnalyzerVerifier.VerifyAsync("""
            public sealed class Tensor { }
            public static class init { public static Tensor zeros_(Tensor t) => t; }
            public sealed class Linear { public Tensor weight = new Tensor(); }
            public sealed class Net
            {
                private readonly Linear fc1 = new Linear();
                public Net() => init.zeros_(fc1.weight);
            }
            """);

    [Fact]
    public Task A_look_alike_namespace_is_not_TorchSharp() =>
        Infrastructure.AnalyzerVerifier.VerifyAsync("""
            namespace MyTorch
            {
                public static class torch { public sealed class Tensor { } public static class nn { public static class init { public static Tensor zeros_(Tensor t) => t; } } }
                public sealed class Net
                {
                    private readonly torch.Tensor w = new torch.Tensor();
                    public Net() => torch.nn.init.zeros_(w);
                }
            }
            """);

    [Fact]
    public Task Generated_code_is_not_analyzed()
    {
        var test = CreateTest();
        test.TestState.Sources.Add(("Net.g.cs", "// <auto-generated/>\n" + Mlp("init.zeros_(fc1.weight); init.xavier_normal_(fc2.weight);")));
        return test.RunAsync();
    }

    [Fact]
    public Task A_partial_model_is_judged_across_its_files() => VerifyAsync(new[]
    {
        Usings + """
        public sealed partial class Net : Module<Tensor, Tensor>
        {
            private readonly Linear fc1 = Linear(784, 256);
            private readonly Linear fc2 = Linear(256, 10);

            public Net() : base("net")
            {
                InitWeights();
                RegisterComponents();
            }
        }
        """,
        Usings + """
        public sealed partial class Net
        {
            private void InitWeights() => {|INIT001:init.zeros_(fc1.weight)|};

            public override Tensor forward(Tensor x) => fc2.forward(fc1.forward(x).relu());
        }
        """,
    });

    [Fact]
    public Task A_static_layer_field_is_not_one_models_layer() => VerifyAsync(Usings + """
        public sealed class Net : Module<Tensor, Tensor>
        {
            private static readonly Linear Shared = Linear(4, 4);
            private readonly Linear fc2 = Linear(4, 1);

            static Net() => init.zeros_(Shared.weight);

            public Net() : base("net") => RegisterComponents();

            public override Tensor forward(Tensor x) => fc2.forward(Shared.forward(x).relu());
        }
        """);
}
