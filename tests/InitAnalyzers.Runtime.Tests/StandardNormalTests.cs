using System;
using InitAnalyzers.Runtime.Tests.Support;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>The one-value draw that per-element fixes write: N(0, 1) from the caller's own <see cref="Random"/>.</summary>
    public class StandardNormalTests
    {
        [Fact]
        public void Values_follow_N_0_1()
        {
            var random = new Random(7);
            var values = new double[Distributions.SampleSize];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = WeightInit.StandardNormal(random);
            }

            Distributions.AssertNormal(values, 1.0);
        }

        [Fact]
        public void The_same_seed_gives_the_same_values()
        {
            Random first = new Random(42), second = new Random(42);
            for (int i = 0; i < 100; i++)
            {
                Assert.Equal(WeightInit.StandardNormal(first), WeightInit.StandardNormal(second));
            }
        }

        [Fact]
        public void A_null_random_source_is_named_in_the_error()
        {
            var error = Assert.Throws<ArgumentNullException>(() => WeightInit.StandardNormal(null!));
            Assert.Equal("random", error.ParamName);
        }
    }
}
