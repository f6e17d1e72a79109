using System;
using InitAnalyzers.Runtime;

namespace InitExperiment.Network;

/// <summary>
/// Draws a layer's weights for each <see cref="InitScheme"/>. The scaled schemes call the runtime library the code
/// fixes write; the baselines are written the way tutorials write them, because the experiment measures them.
/// </summary>
internal static class WeightFill
{
    // Constant init as a multiple of 1/fan_in: each unit then outputs the mean of its inputs, so the signal
    // neither vanishes nor explodes with depth and what stops learning is the symmetry alone.
    private const float ConstantTimesFanIn = 1f;

    // The fixed std of many tutorials' `0.01 * randn` (also the std of AlexNet's layers, Krizhevsky et al. 2012).
    private const double SmallStd = 0.01;

    /// <param name="weights">The layer's weights, <paramref name="fanIn"/> x <paramref name="fanOut"/>.</param>
    /// <param name="seed">Chooses the draw; the same seed gives the same weights.</param>
    public static void Fill(float[] weights, InitScheme scheme, int fanIn, int fanOut, int seed)
    {
        switch (scheme)
        {
            case InitScheme.Zero:
                Array.Clear(weights);
                break;
            case InitScheme.Constant:
                Array.Fill(weights, ConstantTimesFanIn / fanIn);
                break;
            case InitScheme.StandardNormal:
                DrawNormal(weights, std: 1.0, new Random(seed));
                break;
            case InitScheme.UnitUniform:
                DrawUnitUniform(weights, new Random(seed));
                break;
            case InitScheme.SmallNormal:
                DrawNormal(weights, SmallStd, new Random(seed));
                break;
            case InitScheme.Xavier:
                WeightInit.XavierNormal(weights, fanIn, fanOut, seed: seed);
                break;
            case InitScheme.He:
                // The ReLU gain whatever the activation: in a tanh net this is the mismatch INIT003 is about.
                WeightInit.HeNormal(weights, fanIn, Activation.ReLU, seed: seed);
                break;
            case InitScheme.LeCun:
                WeightInit.LeCunNormal(weights, fanIn, seed: seed);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scheme), scheme, null);
        }
    }

    // Box-Muller, as hand-written networks draw Gaussians from System.Random.
    private static void DrawNormal(float[] weights, double std, Random random)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            weights[i] = (float)(std * radius * Math.Cos(2.0 * Math.PI * random.NextDouble()));
        }
    }

    private static void DrawUnitUniform(float[] weights, Random random)
    {
        for (int i = 0; i < weights.Length; i++)
            weights[i] = (float)(random.NextDouble() * 2 - 1);
    }
}
