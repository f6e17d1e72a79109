namespace InitAnalyzers.Tests.Rules.TorchSharp;

/// <summary>Small TorchSharp models the rule tests vary: a two-layer perceptron whose constructor and forward are filled in.</summary>
internal static class TorchSources
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        """;

    /// <summary>
    /// A 784-256-10 perceptron with <c>fc1</c> and <c>fc2</c> typed <c>Modules.Linear</c>, an activation module field <c>act</c>
    /// (ReLU unless given), the given initialization statements in the constructor and the given forward body.
    /// </summary>
    public static string Mlp(string init, string forward = "return fc2.forward(act.forward(fc1.forward(x)));", string activation = "ReLU()") => Usings + $$"""
        public sealed class Mlp : Module<Tensor, Tensor>
        {
            private readonly Linear fc1 = Linear(784, 256);
            private readonly Linear fc2 = Linear(256, 10);
            private readonly Module<Tensor, Tensor> act = {{activation}};

            public Mlp() : base(nameof(Mlp))
            {
                {{init}}
                RegisterComponents();
            }

            public override Tensor forward(Tensor x)
            {
                {{forward}}
            }
        }
        """;
}
