using System;
using InitAnalyzers.Runtime.Tests.Support;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>He et al. 2015: N(0, g^2 / fanIn) and U(-g sqrt(3 / fanIn), g sqrt(3 / fanIn)), checked against the formula written out here.</summary>
    public class HeDistributionTests
    {
        public static TheoryData<int, Activation, double, double, int> Cases => new TheoryData<int, Activation, double, double, int>
        {
            // fanIn, activation, negative slope, gain written out by hand, seed
            { 784, Activation.ReLU, 0.01, Math.Sqrt(2.0), 11 },
            { 300, Activation.LeakyReLU, 0.2, Math.Sqrt(2.0 / 1.04), 12 },
            { 50, Activation.Tanh, 0.01, 5.0 / 3.0, 13 },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void He_normal_doubles_follow_N_0_g_squared_over_fanIn(int fanIn, Activation activation, double slope, double gain, int seed)
        {
            double[] weights = WeightInit.HeNormal(new double[Distributions.SampleSize], fanIn, activation, slope, seed: seed);
            Distributions.AssertNormal(weights, gain / Math.Sqrt(fanIn));
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void He_normal_floats_follow_N_0_g_squared_over_fanIn(int fanIn, Activation activation, double slope, double gain, int seed)
        {
            float[] weights = WeightInit.HeNormal(new float[Distributions.SampleSize], fanIn, activation, slope, seed: seed);
            Distributions.AssertNormal(Distributions.ToDoubles(weights), gain / Math.Sqrt(fanIn));
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void He_uniform_doubles_fill_U_minus_b_b_with_b_g_sqrt_3_over_fanIn(int fanIn, Activation activation, double slope, double gain, int seed)
        {
            double[] weights = WeightInit.HeUniform(new double[Distributions.SampleSize], fanIn, activation, slope, seed: seed);
            double bound = gain * Math.Sqrt(3.0 / fanIn);
            Distributions.AssertUniform(weights, bound, largestAllowed: bound);
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void He_uniform_floats_fill_U_minus_b_b_with_b_g_sqrt_3_over_fanIn(int fanIn, Activation activation, double slope, double gain, int seed)
        {
            float[] weights = WeightInit.HeUniform(new float[Distributions.SampleSize], fanIn, activation, slope, seed: seed);
            double bound = gain * Math.Sqrt(3.0 / fanIn);
            Distributions.AssertUniform(Distributions.ToDoubles(weights), bound, largestAllowed: (float)bound);
        }
    }
}
