using System;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>The gain table of DOMAIN.md section 2 and the scale helpers, against numbers computed by hand.</summary>
    public class GainAndScaleTests
    {
        [Theory]
        [InlineData(Activation.Linear, 1.0)]
        [InlineData(Activation.Sigmoid, 1.0)]
        [InlineData(Activation.Softmax, 1.0)]
        [InlineData(Activation.Tanh, 5.0 / 3.0)]
        [InlineData(Activation.ReLU, 1.4142135623730951)]
        [InlineData(Activation.ELU, 1.4142135623730951)]
        [InlineData(Activation.GELU, 1.4142135623730951)]
        [InlineData(Activation.SiLU, 1.4142135623730951)]
        [InlineData(Activation.SELU, 1.0)]
        public void Gain_matches_the_table(Activation activation, double expected)
        {
            Assert.Equal(expected, WeightInit.Gain(activation));
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(0.01)]
        [InlineData(0.2)]
        [InlineData(1.0)]
        public void Leaky_ReLU_gain_is_sqrt_2_over_1_plus_slope_squared(double slope)
        {
            Assert.Equal(Math.Sqrt(2.0 / (1.0 + (slope * slope))), WeightInit.Gain(Activation.LeakyReLU, slope), 15);
        }

        [Fact]
        public void Leaky_ReLU_gain_with_the_default_slope_is_1_41414_and_with_slope_zero_equals_the_ReLU_gain()
        {
            Assert.Equal(1.4141428569978354, WeightInit.Gain(Activation.LeakyReLU), 15);
            Assert.Equal(WeightInit.Gain(Activation.ReLU), WeightInit.Gain(Activation.LeakyReLU, 0.0));
        }

        [Fact]
        public void Leaky_ReLU_gain_stays_positive_and_finite_for_a_huge_slope()
        {
            double gain = WeightInit.Gain(Activation.LeakyReLU, 1e200);
            Assert.True(gain > 0 && gain < 1e-199, gain.ToString());
            double expected = Math.Sqrt(2.0 / (1.0 + (1e10 * 1e10)));
            Assert.Equal(expected, WeightInit.Gain(Activation.LeakyReLU, 1e10), expected * 1e-15);
        }

        [Fact]
        public void The_slope_is_ignored_by_activations_other_than_leaky_ReLU()
        {
            Assert.Equal(WeightInit.Gain(Activation.ReLU), WeightInit.Gain(Activation.ReLU, 0.5));
            Assert.Equal(5.0 / 3.0, WeightInit.Gain(Activation.Tanh, 0.5));
        }

        [Fact]
        public void He_std_for_784_inputs_is_0_0505076272()
        {
            Assert.Equal(0.050507627227610534, WeightInit.HeStd(784), 15); // sqrt(2 / 784) = sqrt(2) / 28
        }

        [Fact]
        public void He_bound_for_784_inputs_is_0_0874817765()
        {
            Assert.Equal(0.087481776527970587, WeightInit.HeBound(784), 15); // sqrt(6 / 784)
        }

        [Fact]
        public void He_scales_use_the_gain_of_the_activation()
        {
            Assert.Equal(5.0 / 3.0 / 10.0, WeightInit.HeStd(100, Activation.Tanh), 15);
            Assert.Equal(Math.Sqrt(2.0 / 1.04) / 10.0, WeightInit.HeStd(100, Activation.LeakyReLU, 0.2), 15);
            Assert.Equal(0.1, WeightInit.HeStd(100, Activation.SELU), 15);
            Assert.Equal(Math.Sqrt(2.0 / 1.04) * Math.Sqrt(0.03), WeightInit.HeBound(100, Activation.LeakyReLU, 0.2), 15);
            Assert.Equal(5.0 / 3.0 * Math.Sqrt(0.03), WeightInit.HeBound(100, Activation.Tanh), 15);
        }

        [Fact]
        public void Xavier_std_for_256_in_and_128_out_is_0_0721687836()
        {
            Assert.Equal(0.072168783648703216, WeightInit.XavierStd(256, 128), 15); // sqrt(2 / 384)
            Assert.Equal(0.072168783648703216 * 5.0 / 3.0, WeightInit.XavierStd(256, 128, 5.0 / 3.0), 15);
        }

        [Fact]
        public void Xavier_bound_for_256_in_and_128_out_is_0_125()
        {
            Assert.Equal(0.125, WeightInit.XavierBound(256, 128), 15); // sqrt(6 / 384) = sqrt(1 / 64)
            Assert.Equal(0.25, WeightInit.XavierBound(256, 128, 2.0), 15);
        }

        [Fact]
        public void Xavier_scales_do_not_overflow_when_fanIn_plus_fanOut_exceeds_int_max()
        {
            Assert.Equal(Math.Sqrt(2.0 / 4294967294.0), WeightInit.XavierStd(int.MaxValue, int.MaxValue), 1e-20);
            Assert.Equal(Math.Sqrt(6.0 / 4294967294.0), WeightInit.XavierBound(int.MaxValue, int.MaxValue), 1e-20);
        }

        [Fact]
        public void LeCun_std_for_100_inputs_is_0_1_and_bound_for_300_inputs_is_0_1()
        {
            Assert.Equal(0.1, WeightInit.LeCunStd(100), 15);
            Assert.Equal(0.1, WeightInit.LeCunBound(300), 15);
            Assert.Equal(1.0, WeightInit.LeCunStd(1));
            Assert.Equal(Math.Sqrt(3.0), WeightInit.LeCunBound(1));
        }

        [Fact]
        public void Each_uniform_bound_is_sqrt_3_times_the_matching_std()
        {
            Assert.Equal(Math.Sqrt(3) * WeightInit.HeStd(37, Activation.GELU), WeightInit.HeBound(37, Activation.GELU), 14);
            Assert.Equal(Math.Sqrt(3) * WeightInit.XavierStd(37, 11, 1.5), WeightInit.XavierBound(37, 11, 1.5), 14);
            Assert.Equal(Math.Sqrt(3) * WeightInit.LeCunStd(37), WeightInit.LeCunBound(37), 14);
        }
    }
}
