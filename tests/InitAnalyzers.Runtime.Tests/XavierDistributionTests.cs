using System;
using InitAnalyzers.Runtime.Tests.Support;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>Glorot and Bengio 2010: N(0, gain^2 2 / (fanIn + fanOut)) and U(-b, b), b = gain sqrt(6 / (fanIn + fanOut)).</summary>
    public class XavierDistributionTests
    {
        public static TheoryData<int, int, double, int> Cases => new TheoryData<int, int, double, int>
        {
            // fanIn, fanOut, gain, seed
            { 256, 128, 1.0, 21 },
            { 100, 10, 5.0 / 3.0, 22 },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Xavier_normal_doubles_follow_N_0_gain_squared_times_2_over_fanIn_plus_fanOut(int fanIn, int fanOut, double gain, int seed)
        {
            double[] weights = WeightInit.XavierNormal(new double[Distributions.SampleSize], fanIn, fanOut, gain, seed: seed);
            Distributions.AssertNormal(weights, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Xavier_normal_floats_follow_N_0_gain_squared_times_2_over_fanIn_plus_fanOut(int fanIn, int fanOut, double gain, int seed)
        {
            float[] weights = WeightInit.XavierNormal(new float[Distributions.SampleSize], fanIn, fanOut, gain, seed: seed);
            Distributions.AssertNormal(Distributions.ToDoubles(weights), gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Xavier_uniform_doubles_fill_U_minus_b_b_with_b_gain_sqrt_6_over_fanIn_plus_fanOut(int fanIn, int fanOut, double gain, int seed)
        {
            double[] weights = WeightInit.XavierUniform(new double[Distributions.SampleSize], fanIn, fanOut, gain, seed: seed);
            double bound = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
            Distributions.AssertUniform(weights, bound, largestAllowed: bound);
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Xavier_uniform_floats_fill_U_minus_b_b_with_b_gain_sqrt_6_over_fanIn_plus_fanOut(int fanIn, int fanOut, double gain, int seed)
        {
            float[] weights = WeightInit.XavierUniform(new float[Distributions.SampleSize], fanIn, fanOut, gain, seed: seed);
            double bound = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
            Distributions.AssertUniform(Distributions.ToDoubles(weights), bound, largestAllowed: (float)bound);
        }
    }
}
