using System;
using InitAnalyzers.Runtime.Tests.Support;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>LeCun et al. 1998: N(0, 1 / fanIn) and U(-sqrt(3 / fanIn), sqrt(3 / fanIn)).</summary>
    public class LeCunDistributionTests
    {
        private const int FanIn = 400;

        [Fact]
        public void LeCun_normal_doubles_follow_N_0_1_over_fanIn()
        {
            double[] weights = WeightInit.LeCunNormal(new double[Distributions.SampleSize], FanIn, seed: 31);
            Distributions.AssertNormal(weights, Math.Sqrt(1.0 / FanIn));
        }

        [Fact]
        public void LeCun_normal_floats_follow_N_0_1_over_fanIn()
        {
            float[] weights = WeightInit.LeCunNormal(new float[Distributions.SampleSize], FanIn, seed: 32);
            Distributions.AssertNormal(Distributions.ToDoubles(weights), Math.Sqrt(1.0 / FanIn));
        }

        [Fact]
        public void LeCun_uniform_doubles_fill_U_minus_b_b_with_b_sqrt_3_over_fanIn()
        {
            double[] weights = WeightInit.LeCunUniform(new double[Distributions.SampleSize], FanIn, seed: 33);
            double bound = Math.Sqrt(3.0 / FanIn);
            Distributions.AssertUniform(weights, bound, largestAllowed: bound);
        }

        [Fact]
        public void LeCun_uniform_floats_fill_U_minus_b_b_with_b_sqrt_3_over_fanIn()
        {
            float[] weights = WeightInit.LeCunUniform(new float[Distributions.SampleSize], FanIn, seed: 34);
            double bound = Math.Sqrt(3.0 / FanIn);
            Distributions.AssertUniform(Distributions.ToDoubles(weights), bound, largestAllowed: (float)bound);
        }

        [Fact]
        public void The_normal_cdf_used_by_these_tests_is_accurate()
        {
            Assert.Equal(0.5, Distributions.NormalCdf(0), 7);
            Assert.Equal(0.975, Distributions.NormalCdf(1.959963984540054), 7);
            Assert.Equal(0.15865525393145707, Distributions.NormalCdf(-1), 7);
            Assert.Equal(0.99865010196837, Distributions.NormalCdf(3), 7);
        }
    }
}
