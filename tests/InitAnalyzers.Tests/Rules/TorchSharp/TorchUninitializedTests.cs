using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.TorchSharpVerifier;
using static InitAnalyzers.Tests.Rules.TorchSharp.TorchSources;

namespace InitAnalyzers.Tests.Rules.TorchSharp;

/// <summary>INIT005: parameters made from <c>torch.empty</c> that no initializer writes, and the many ways they do get written.</summary>
public sealed class TorchUninitializedTests
{
    private static string Custom(string fields, string constructor, string forward = "functional.linear(x, weight, bias)", string more = "") => Usings + $$"""
        public sealed class CustomLinear : Module<Tensor, Tensor>
        {
            {{fields}}

            public CustomLinear(long inFeatures, long outFeatures) : base("custom")
            {
                {{constructor}}
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => {{forward}};
            {{more}}
        }
        """;

    private const string Fields = "private readonly Parameter weight;\n    private readonly Parameter bias;";

    [Fact]
    public Task Weight_and_bias_from_empty_memory() =>
        VerifyAsync(Custom(Fields, "weight = {|INIT005:torch.empty(outFeatures, inFeatures)|}.AsParameter();\n        bias = Parameter({|INIT005:torch.empty(outFeatures)|});"));

    [Theory]
    [InlineData("private readonly Parameter weight = Parameter({|INIT005:torch.empty(64, 32)|});")]
    [InlineData("private readonly Parameter weight = new Parameter({|INIT005:torch.empty(64, 32)|});")]
    [InlineData("private readonly Parameter weight = {|INIT005:torch.empty(new long[] { 64, 32 }, dtype: ScalarType.Float32)|}.AsParameter();")]
    [InlineData("private Parameter weight { get; } = Parameter({|INIT005:torch.empty(64, 32)|});")]
    [InlineData("private readonly Parameter weight = Parameter({|INIT005:torch.empty(64, 32)|}, requires_grad: true);")]
    public Task Every_way_to_make_a_Parameter_of_empty_memory(string field) =>
        VerifyAsync(Custom(field, string.Empty, "functional.linear(x, weight)"));

    [Fact]
    public Task A_scale_from_empty_memory() =>
        VerifyAsync(Custom("private readonly Parameter gamma = Parameter({|INIT005:torch.empty(64)|});", string.Empty, "x * gamma"));

    [Fact]
    public Task A_parameter_in_a_matmul() => VerifyAsync(Usings + """
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Parameter w1 = Parameter({|INIT005:torch.empty(784, 128)|});
            private readonly Parameter w2 = Parameter(torch.randn(128, 10) * 0.05);

            public Net() : base("net") => RegisterComponents();

            public override Tensor forward(Tensor x) => x.matmul(w1).relu().matmul(w2);
        }
        """);

    [Fact]
    public Task An_initializer_on_another_parameter_does_not_count() =>
        VerifyAsync(Custom(Fields, "weight = {|INIT005:torch.empty(outFeatures, inFeatures)|}.AsParameter();\n        bias = torch.empty(outFeatures).AsParameter();\n        init.zeros_(bias);"));

    // Written before use.

    [Fact]
    public Task The_framework_default_written_out_after_empty() =>
        VerifyAsync(Custom(Fields, "weight = torch.empty(outFeatures, inFeatures).AsParameter();\n        init.kaiming_uniform_(weight, a: Math.Sqrt(5));\n        bias = torch.empty(outFeatures).AsParameter();\n        var (fanIn, _) = init.CalculateFanInAndFanOut(weight);\n        var bound = 1 / Math.Sqrt(fanIn);\n        init.uniform_(bias, -bound, bound);"));

    [Fact]
    public Task An_in_place_draw_on_the_fresh_tensor() =>
        VerifyAsync(Custom(Fields, "weight = torch.empty(outFeatures, inFeatures).uniform_(-0.1, 0.1).AsParameter();\n        bias = Parameter(init.zeros_(torch.empty(outFeatures)));"));

    [Fact]
    public Task A_reset_method_called_by_the_constructor() =>
        VerifyAsync(Custom(Fields, "weight = Parameter(torch.empty(outFeatures, inFeatures));\n        bias = Parameter(torch.empty(outFeatures));\n        reset_parameters();", more: "public void reset_parameters() { init.xavier_uniform_(weight); init.zeros_(bias); }"));

    [Fact]
    public Task A_public_reset_method_the_constructor_does_not_call() =>
        VerifyAsync(Custom(Fields, "weight = Parameter(torch.empty(outFeatures, inFeatures));\n        bias = Parameter(torch.empty(outFeatures));", more: "public void ResetParameters() { init.xavier_uniform_(weight); init.zeros_(bias); }"));

    [Fact]
    public Task A_property_that_stores_into_a_field_initialized_by_that_field() => VerifyAsync(Usings + """
        public sealed class Norm : Module<Tensor, Tensor>
        {
            private Parameter? _weight;

            public Norm(long features) : base("norm")
            {
                weight = Parameter(torch.empty(features));
                reset_parameters();
                RegisterComponents();
            }

            public Parameter weight
            {
                get => _weight!;
                set { _weight = value; }
            }

            public void reset_parameters() => init.ones_(_weight!);

            public override Tensor forward(Tensor x) => x * weight;
        }
        """);

    [Fact]
    public Task Copied_from_a_pretrained_tensor() =>
        VerifyAsync(Custom(Fields, "weight = Parameter(torch.empty(outFeatures, inFeatures));\n        bias = Parameter(torch.empty(outFeatures));\n        using (torch.no_grad()) { weight.copy_(torch.load(\"w.pt\")); bias.copy_(torch.load(\"b.pt\")); }"));

    [Fact]
    public Task Initialized_by_a_loop_over_every_parameter() =>
        VerifyAsync(Custom(Fields, "weight = Parameter(torch.empty(outFeatures, inFeatures));\n        bias = Parameter(torch.empty(outFeatures));\n        foreach (var p in parameters()) init.normal_(p, 0, 0.02);"));

    [Fact]
    public Task Initialized_by_apply() =>
        VerifyAsync(Custom(Fields, "weight = Parameter(torch.empty(outFeatures, inFeatures));\n        bias = Parameter(torch.empty(outFeatures));\n        apply(m => Reset());", more: "private void Reset() { init.xavier_uniform_(weight); init.zeros_(bias); }"));

    [Fact]
    public Task Loaded_from_a_checkpoint() =>
        VerifyAsync(Custom(Fields, "weight = Parameter(torch.empty(outFeatures, inFeatures));\n        bias = Parameter(torch.empty(outFeatures));\n        this.load(\"checkpoint.dat\");"));

    [Fact]
    public Task An_empty_buffer_is_scratch_space() =>
        VerifyAsync(Custom("private readonly Tensor scratch;\n    private readonly Linear inner;", "scratch = torch.empty(outFeatures);\n        inner = Linear(inFeatures, outFeatures);", "inner.forward(x) + scratch.zero_()"));

    [Fact]
    public Task Initialized_only_under_a_condition_is_not_claimed() =>
        VerifyAsync(Custom(Fields, "weight = Parameter(torch.empty(outFeatures, inFeatures));\n        bias = Parameter(torch.empty(outFeatures));\n        if (outFeatures > 1) { init.xavier_uniform_(weight); init.zeros_(bias); }"));

    [Fact]
    public Task A_public_parameter_written_by_another_type() => VerifyAsync(Custom("public Parameter weight;\n    public Parameter bias;", "weight = Parameter(torch.empty(outFeatures, inFeatures));\n        bias = Parameter(torch.empty(outFeatures));") + """

        public static class Initializer
        {
            public static void Init(CustomLinear layer)
            {
                init.xavier_uniform_(layer.weight);
                init.zeros_(layer.bias);
            }
        }
        """);
}
