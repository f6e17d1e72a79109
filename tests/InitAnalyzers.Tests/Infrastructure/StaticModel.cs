namespace InitAnalyzers.Tests.Infrastructure;

/// <summary>
/// A network of static, public weights that its own code only reads: whether they are initialized depends on the code of
/// other types. Shared by the tests of weights written from outside their type.
/// </summary>
internal static class StaticModel
{
    public const string Source = """
        using System;

        public static partial class Model
        {
            public static readonly double[,] W1 = new double[8, 4];
            public static readonly double[,] W2 = new double[1, 8];
            private static readonly double[] H = new double[8];

            public static double Predict(double[] x)
            {
                for (int i = 0; i < 8; i++) { double s = 0; for (int j = 0; j < 4; j++) s += W1[i, j] * x[j]; H[i] = Math.Tanh(s); }
                double o = 0;
                for (int j = 0; j < 8; j++) o += W2[0, j] * H[j];
                return o;
            }
        }
        """;

    /// <summary>Another type fills the weights with U[0, 1) draws by qualified name: an INIT004 on each write.</summary>
    public const string Setup = """
        public static class Setup
        {
            public static void Run(System.Random random)
            {
                for (int i = 0; i < 8; i++) for (int j = 0; j < 4; j++) {|INIT004:Model.W1[i, j] = random.NextDouble()|};
                for (int j = 0; j < 8; j++) {|INIT004:Model.W2[0, j] = random.NextDouble()|};
            }
        }
        """;

    /// <summary><paramref name="source"/> without its diagnostic markup.</summary>
    public static string Unmarked(string source) => source.Replace("{|INIT004:", string.Empty).Replace("|};", ";");
}
