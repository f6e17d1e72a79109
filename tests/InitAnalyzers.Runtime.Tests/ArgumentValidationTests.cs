using System;
using System.Collections.Generic;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>Bad arguments throw ArgumentException-family errors that name the parameter, before anything is written or drawn.</summary>
    public class ArgumentValidationTests
    {
        private static readonly int[] NonPositive = { 0, -1, int.MinValue };
        private static readonly double[] BadGains = { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1.0, -double.Epsilon, 0.0 };
        private static readonly double[] BadSlopes = { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.01 };

        [Fact]
        public void Null_weights_throw_ArgumentNullException_naming_weights()
        {
            var calls = new List<Action>
            {
                () => WeightInit.HeNormal((double[])null!, 10),
                () => WeightInit.HeNormal((double[,])null!, 10),
                () => WeightInit.HeNormal((double[][])null!, 10),
                () => WeightInit.HeNormal((float[])null!, 10),
                () => WeightInit.HeNormal((float[,])null!, 10),
                () => WeightInit.HeNormal((float[][])null!, 10),
                () => WeightInit.HeUniform((double[])null!, 10),
                () => WeightInit.HeUniform((float[,])null!, 10),
                () => WeightInit.HeUniform((double[][])null!, 10),
                () => WeightInit.XavierNormal((double[])null!, 10, 10),
                () => WeightInit.XavierNormal((float[][])null!, 10, 10),
                () => WeightInit.XavierUniform((double[,])null!, 10, 10),
                () => WeightInit.XavierUniform((float[])null!, 10, 10),
                () => WeightInit.LeCunNormal((double[][])null!, 10),
                () => WeightInit.LeCunNormal((float[,])null!, 10),
                () => WeightInit.LeCunUniform((double[])null!, 10),
                () => WeightInit.LeCunUniform((float[][])null!, 10),
                () => WeightInit.Orthogonal((double[])null!, 2, 2),
                () => WeightInit.Orthogonal((double[,])null!),
                () => WeightInit.Orthogonal((double[][])null!),
                () => WeightInit.Orthogonal((float[])null!, 2, 2),
                () => WeightInit.Orthogonal((float[,])null!),
                () => WeightInit.Orthogonal((float[][])null!),
            };
            Assert.All(calls, call => Assert.Equal("weights", Assert.Throws<ArgumentNullException>(call).ParamName));
        }

        [Fact]
        public void Non_positive_fanIn_throws_ArgumentOutOfRangeException_naming_fanIn()
        {
            foreach (int fanIn in NonPositive)
            {
                var calls = new List<Action>
                {
                    () => WeightInit.HeNormal(new double[4], fanIn),
                    () => WeightInit.HeUniform(new float[2, 2], fanIn),
                    () => WeightInit.XavierNormal(new double[][] { new double[2] }, fanIn, 10),
                    () => WeightInit.XavierUniform(new float[4], fanIn, 10),
                    () => WeightInit.LeCunNormal(new double[4].AsSpan(), fanIn),
                    () => WeightInit.LeCunUniform(new float[4], fanIn),
                    () => WeightInit.HeStd(fanIn),
                    () => WeightInit.HeBound(fanIn),
                    () => WeightInit.XavierStd(fanIn, 10),
                    () => WeightInit.XavierBound(fanIn, 10),
                    () => WeightInit.LeCunStd(fanIn),
                    () => WeightInit.LeCunBound(fanIn),
                };
                Assert.All(calls, call => AssertOutOfRange(call, "fanIn", fanIn));
            }
        }

        [Fact]
        public void Non_positive_fanOut_throws_ArgumentOutOfRangeException_naming_fanOut()
        {
            foreach (int fanOut in NonPositive)
            {
                var calls = new List<Action>
                {
                    () => WeightInit.XavierNormal(new double[4], 10, fanOut),
                    () => WeightInit.XavierNormal(new float[2, 2], 10, fanOut),
                    () => WeightInit.XavierUniform(new double[4], 10, fanOut),
                    () => WeightInit.XavierUniform(new float[][] { new float[1] }, 10, fanOut),
                    () => WeightInit.XavierStd(10, fanOut),
                    () => WeightInit.XavierBound(10, fanOut),
                };
                Assert.All(calls, call => AssertOutOfRange(call, "fanOut", fanOut));
            }
        }

        [Fact]
        public void A_gain_that_is_NaN_infinite_negative_or_zero_throws_ArgumentOutOfRangeException_naming_gain()
        {
            foreach (double gain in BadGains)
            {
                var calls = new List<Action>
                {
                    () => WeightInit.XavierNormal(new double[4], 10, 10, gain),
                    () => WeightInit.XavierNormal(new float[4], 10, 10, gain),
                    () => WeightInit.XavierUniform(new double[2, 2], 10, 10, gain),
                    () => WeightInit.XavierUniform(new float[][] { new float[2] }, 10, 10, gain),
                    () => WeightInit.XavierStd(10, 10, gain),
                    () => WeightInit.XavierBound(10, 10, gain),
                    () => WeightInit.Orthogonal(new double[4], 2, 2, gain),
                    () => WeightInit.Orthogonal(new float[2, 2], gain),
                    () => WeightInit.Orthogonal(new[] { new double[2], new double[2] }, gain),
                };
                Assert.All(calls, call => AssertOutOfRange(call, "gain", gain));
            }
        }

        [Fact]
        public void A_gain_so_large_that_weights_would_overflow_throws_ArgumentOutOfRangeException_naming_gain()
        {
            AssertOutOfRange(() => WeightInit.XavierNormal(new float[4], 1, 1, gain: 1e38), "gain", 1e38);
            AssertOutOfRange(() => WeightInit.XavierUniform(new float[4], 1, 1, gain: 1e39), "gain", 1e39);
            AssertOutOfRange(() => WeightInit.XavierNormal(new double[4], 1, 1, gain: 1e308), "gain", 1e308);
            AssertOutOfRange(() => WeightInit.Orthogonal(new float[2, 2], gain: 1e39), "gain", 1e39);
            AssertOutOfRange(() => WeightInit.Orthogonal(new double[2, 2], gain: double.MaxValue), "gain", double.MaxValue);
        }

        [Fact]
        public void A_negative_slope_that_is_NaN_infinite_or_negative_throws_ArgumentOutOfRangeException_naming_negativeSlope()
        {
            foreach (double slope in BadSlopes)
            {
                var calls = new List<Action>
                {
                    () => WeightInit.HeNormal(new double[4], 10, Activation.LeakyReLU, slope),
                    () => WeightInit.HeUniform(new float[4], 10, Activation.LeakyReLU, slope),
                    () => WeightInit.HeNormal(new float[2, 2], 10, Activation.ReLU, slope),
                    () => WeightInit.Gain(Activation.LeakyReLU, slope),
                    () => WeightInit.HeStd(10, Activation.LeakyReLU, slope),
                    () => WeightInit.HeBound(10, Activation.LeakyReLU, slope),
                };
                Assert.All(calls, call => AssertOutOfRange(call, "negativeSlope", slope));
            }
        }

        [Fact]
        public void An_undefined_activation_throws_ArgumentOutOfRangeException_naming_activation()
        {
            foreach (Activation activation in new[] { (Activation)(-1), (Activation)10, (Activation)int.MaxValue })
            {
                var calls = new List<Action>
                {
                    () => WeightInit.Gain(activation),
                    () => WeightInit.HeStd(10, activation),
                    () => WeightInit.HeBound(10, activation),
                    () => WeightInit.HeNormal(new double[4], 10, activation),
                    () => WeightInit.HeUniform(new float[][] { new float[3] }, 10, activation),
                };
                Assert.All(calls, call => AssertOutOfRange(call, "activation", activation));
            }
        }

        [Fact]
        public void A_jagged_array_with_a_null_row_throws_ArgumentException_naming_weights_and_the_row_and_writes_nothing()
        {
            var weights = new[] { new double[2], new double[2], null!, new double[2] };
            var calls = new List<Action>
            {
                () => WeightInit.HeNormal(weights, 10, seed: 1),
                () => WeightInit.HeUniform(weights, 10, seed: 1),
                () => WeightInit.XavierNormal(weights, 10, 10, seed: 1),
                () => WeightInit.XavierUniform(weights, 10, 10, seed: 1),
                () => WeightInit.LeCunNormal(weights, 10, seed: 1),
                () => WeightInit.LeCunUniform(weights, 10, seed: 1),
                () => WeightInit.Orthogonal(weights, seed: 1),
            };
            foreach (Action call in calls)
            {
                ArgumentException error = Assert.Throws<ArgumentException>(call);
                Assert.Equal("weights", error.ParamName);
                Assert.Contains("Row 2", error.Message, StringComparison.Ordinal);
            }

            Assert.Equal(new double[2], weights[0]);
            float[][] singles = { new float[1], null! };
            Assert.Contains("Row 1", Assert.Throws<ArgumentException>(() => WeightInit.HeNormal(singles, 10)).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Orthogonal_with_ragged_rows_throws_ArgumentException_naming_weights()
        {
            var doubles = new[] { new double[3], new double[3], new double[2] };
            var singles = new[] { new float[3], new float[4] };
            ArgumentException error = Assert.Throws<ArgumentException>(() => WeightInit.Orthogonal(doubles));
            Assert.Equal("weights", error.ParamName);
            Assert.Contains("Row 2", error.Message, StringComparison.Ordinal);
            Assert.Equal("weights", Assert.Throws<ArgumentException>(() => WeightInit.Orthogonal(singles)).ParamName);
        }

        [Fact]
        public void Orthogonal_on_empty_weights_throws_ArgumentException_naming_weights()
        {
            var calls = new List<Action>
            {
                () => WeightInit.Orthogonal(Array.Empty<double>(), 0, 0),
                () => WeightInit.Orthogonal(Span<double>.Empty, 1, 1),
                () => WeightInit.Orthogonal(Array.Empty<float>(), 1, 0),
                () => WeightInit.Orthogonal(new double[0, 4]),
                () => WeightInit.Orthogonal(new float[4, 0]),
                () => WeightInit.Orthogonal(Array.Empty<double[]>()),
                () => WeightInit.Orthogonal(new[] { Array.Empty<float>(), Array.Empty<float>() }),
            };
            Assert.All(calls, call => Assert.Equal("weights", Assert.Throws<ArgumentException>(call).ParamName));
        }

        [Fact]
        public void Orthogonal_with_non_positive_rows_or_columns_throws_naming_them()
        {
            Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => WeightInit.Orthogonal(new double[4], 0, 4)).ParamName);
            Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => WeightInit.Orthogonal(new float[4], -2, -2)).ParamName);
            Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => WeightInit.Orthogonal(new double[4].AsSpan(), 4, 0)).ParamName);
            Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => WeightInit.Orthogonal(new float[4].AsSpan(), 4, -1)).ParamName);
        }

        [Fact]
        public void Orthogonal_with_rows_times_columns_not_the_length_throws_ArgumentException_naming_weights()
        {
            Assert.Equal("weights", Assert.Throws<ArgumentException>(() => WeightInit.Orthogonal(new double[12], 3, 5)).ParamName);
            Assert.Equal("weights", Assert.Throws<ArgumentException>(() => WeightInit.Orthogonal(new float[12].AsSpan(), 2, 5)).ParamName);
            Assert.Equal("weights", Assert.Throws<ArgumentException>(() => WeightInit.Orthogonal(new double[12], 65536, 65536)).ParamName);
        }

        [Fact]
        public void A_seed_together_with_a_Random_throws_ArgumentException_naming_random()
        {
            var random = new Random(1);
            var calls = new List<Action>
            {
                () => WeightInit.HeNormal(new double[4], 10, seed: 1, random: random),
                () => WeightInit.HeUniform(new float[2, 2], 10, seed: 1, random: random),
                () => WeightInit.XavierNormal(new double[][] { new double[1] }, 10, 10, seed: 1, random: random),
                () => WeightInit.XavierUniform(new float[4].AsSpan(), 10, 10, seed: 1, random: random),
                () => WeightInit.LeCunNormal(new float[4], 10, seed: 1, random: random),
                () => WeightInit.LeCunUniform(new double[4], 10, seed: 1, random: random),
                () => WeightInit.Orthogonal(new double[2, 2], seed: 1, random: random),
                () => WeightInit.Orthogonal(new float[4], 2, 2, seed: 1, random: random),
            };
            Assert.All(calls, call => Assert.Equal("random", Assert.Throws<ArgumentException>(call).ParamName));
        }

        [Fact]
        public void A_call_that_fails_validation_consumes_nothing_from_the_callers_Random()
        {
            var used = new Random(3);
            var fresh = new Random(3);
            Assert.ThrowsAny<ArgumentException>(() => WeightInit.HeNormal(new double[4], 0, random: used));
            Assert.ThrowsAny<ArgumentException>(() => WeightInit.HeNormal(new[] { new double[1], null! }, 5, random: used));
            Assert.ThrowsAny<ArgumentException>(() => WeightInit.Orthogonal(new[] { new double[1], new double[2] }, random: used));
            Assert.Equal(fresh.Next(), used.Next());
        }

        private static void AssertOutOfRange(Action call, string paramName, object actualValue)
        {
            ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(call);
            Assert.Equal(paramName, error.ParamName);
            Assert.Equal(actualValue, error.ActualValue);
            Assert.Contains(paramName, error.Message, StringComparison.Ordinal);
        }
    }
}
