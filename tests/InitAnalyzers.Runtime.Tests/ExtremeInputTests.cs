using System;
using System.Linq;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>No NaN or infinity for extreme seeds, fans and gains.</summary>
    public class ExtremeInputTests
    {
        private static readonly int[] Seeds = { int.MinValue, int.MinValue + 1, -1, 0, 1, int.MaxValue - 1, int.MaxValue };

        [Fact]
        public void Extreme_seeds_and_fans_give_only_finite_nonzero_values()
        {
            foreach (int seed in Seeds)
            {
                foreach (int fan in new[] { 1, 2, int.MaxValue })
                {
                    AssertFinite(WeightInit.HeNormal(new double[4099], fan, seed: seed));
                    AssertFinite(WeightInit.HeNormal(new float[4099], fan, Activation.Tanh, seed: seed));
                    AssertFinite(WeightInit.HeUniform(new double[4099], fan, Activation.LeakyReLU, 1e300, seed: seed));
                    AssertFinite(WeightInit.HeUniform(new float[4099], fan, seed: seed));
                    AssertFinite(WeightInit.XavierNormal(new double[4099], fan, fan, seed: seed));
                    AssertFinite(WeightInit.XavierNormal(new float[4099], fan, int.MaxValue, seed: seed));
                    AssertFinite(WeightInit.XavierUniform(new double[4099], int.MaxValue, fan, seed: seed));
                    AssertFinite(WeightInit.XavierUniform(new float[4099], fan, fan, seed: seed));
                    AssertFinite(WeightInit.LeCunNormal(new double[4099], fan, seed: seed));
                    AssertFinite(WeightInit.LeCunNormal(new float[4099], fan, seed: seed));
                    AssertFinite(WeightInit.LeCunUniform(new double[4099], fan, seed: seed));
                    AssertFinite(WeightInit.LeCunUniform(new float[4099], fan, seed: seed));
                }

                AssertFinite(WeightInit.Orthogonal(new double[24], 4, 6, seed: seed));
                AssertFinite(WeightInit.Orthogonal(new float[24], 6, 4, seed: seed));
            }
        }

        [Fact]
        public void The_largest_accepted_gains_stay_finite()
        {
            AssertFinite(WeightInit.XavierNormal(new float[100_000], 1, 1, gain: 4e37, seed: 1));
            AssertFinite(WeightInit.XavierUniform(new float[100_000], 1, 1, gain: 1.9e38, seed: 1));
            AssertFinite(WeightInit.XavierNormal(new double[100_000], 1, 1, gain: 1e307, seed: 1));
            AssertFinite(WeightInit.XavierUniform(new double[100_000], 1, 1, gain: 1e308, seed: 1));
            AssertFinite(WeightInit.Orthogonal(new float[3, 3], gain: 3e38, seed: 1));
            AssertFinite(WeightInit.Orthogonal(new double[3, 3], gain: 1e308, seed: 1));
        }

        [Fact]
        public void Normal_values_stay_within_the_Box_Muller_radius_limits()
        {
            // |z| <= sqrt(-2 ln 2^-31) = 6.5555 for float, < sqrt(-2 ln 2^-53) = 8.58 for double: no runaway tails.
            float[] singles = WeightInit.LeCunNormal(new float[1_000_000], 1, seed: 5);
            double[] doubles = WeightInit.LeCunNormal(new double[1_000_000], 1, seed: 5);
            Assert.True(singles.Max(Math.Abs) < 6.56f);
            Assert.True(singles.Max(Math.Abs) > 4.0f);
            Assert.True(doubles.Max(Math.Abs) < 8.58);
            Assert.True(doubles.Max(Math.Abs) > 4.0); // the tails are there: P(|z| > 4) = 6.3e-5
        }

        private static void AssertFinite(double[] values) => Assert.All(values, v => Assert.True(double.IsFinite(v) && v != 0, v.ToString()));

        private static void AssertFinite(float[] values) => Assert.All(values, v => Assert.True(float.IsFinite(v) && v != 0, v.ToString()));

        private static void AssertFinite(double[,] values) => AssertFinite(values.Cast<double>().ToArray());

        private static void AssertFinite(float[,] values) => AssertFinite(values.Cast<float>().ToArray());
    }
}
