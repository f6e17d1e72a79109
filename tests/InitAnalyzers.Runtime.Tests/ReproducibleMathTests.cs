using System;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>The hand-written log and sin/cos agree with the platform's to about 1e-16 relative.</summary>
    public class ReproducibleMathTests
    {
        [Fact]
        public void Log_agrees_with_Math_Log_to_two_ulps_over_the_unit_interval()
        {
            var random = new Random(1);
            double worst = 0;
            for (int i = 0; i < 200_000; i++)
            {
                // Uniform in (0, 1) and log-uniform down to 2^-60, plus points just below 1.
                double x = (i % 3) switch
                {
                    0 => (random.Next(1, int.MaxValue) + random.NextDouble()) / int.MaxValue,
                    1 => Math.Pow(2, -60 * random.NextDouble()),
                    _ => 1.0 - (random.Next(1, 1 << 20) * Math.Pow(2, -53)),
                };
                x = Math.Min(x, 1.0 - Math.Pow(2, -53));
                double expected = Math.Log(x);
                worst = Math.Max(worst, Math.Abs(ReproducibleMath.Log(x) - expected) / Math.Abs(expected));
            }

            Assert.True(worst <= 2.3e-16, $"worst relative error {worst}");
        }

        [Fact]
        public void Log_is_exact_at_powers_of_two_and_one()
        {
            Assert.Equal(0.0, ReproducibleMath.Log(1.0));
            Assert.Equal(Math.Log(0.5), ReproducibleMath.Log(0.5));
            Assert.Equal(Math.Log(Math.Pow(2, -53)), ReproducibleMath.Log(Math.Pow(2, -53)));
            Assert.Equal(Math.Log(2.0), ReproducibleMath.Log(2.0));
            Assert.Equal(Math.Log(10.0), ReproducibleMath.Log(10.0), 15);
        }

        [Fact]
        public void SinCos_agrees_with_Math_Sin_and_Math_Cos_on_the_first_octant()
        {
            double worstSin = 0, worstCos = 0;
            const int Steps = 200_000;
            for (int i = 0; i <= Steps; i++)
            {
                double x = ReproducibleMath.QuarterPi * i / Steps;
                ReproducibleMath.SinCosFirstOctant(x, out double sin, out double cos);
                if (x > 0)
                {
                    worstSin = Math.Max(worstSin, Math.Abs(sin - Math.Sin(x)) / Math.Sin(x));
                }

                worstCos = Math.Max(worstCos, Math.Abs(cos - Math.Cos(x)) / Math.Cos(x));
            }

            Assert.True(worstSin <= 2.3e-16, $"worst sin error {worstSin}");
            Assert.True(worstCos <= 2.3e-16, $"worst cos error {worstCos}");
        }

        [Fact]
        public void Box_Muller_pairs_match_the_textbook_formula_in_every_octant()
        {
            var random = new Random(2);
            for (int i = 0; i < 10_000; i++)
            {
                double u = (random.Next(1, int.MaxValue) + 0.5) / int.MaxValue;
                double t = (random.Next(1, int.MaxValue) + 0.5) / int.MaxValue;
                uint octant = (uint)(i % 8);
                StandardVariates.NormalPair(u, t, octant, out double z0, out double z1);

                double radius = Math.Sqrt(-2 * Math.Log(u));
                double angle = t * Math.PI / 4;
                double first = (octant & 4) != 0 ? Math.Sin(angle) : Math.Cos(angle);
                double second = (octant & 4) != 0 ? Math.Cos(angle) : Math.Sin(angle);
                first = (octant & 2) != 0 ? -first : first;
                second = (octant & 1) != 0 ? -second : second;
                Assert.Equal(radius * first, z0, 1e-14 * Math.Max(1, radius));
                Assert.Equal(radius * second, z1, 1e-14 * Math.Max(1, radius));
            }
        }

        [Fact]
        public void Float_log_agrees_with_Math_Log_to_about_one_float_ulp_over_the_radius_domain()
        {
            // Every u the float Box-Muller draws lies in [2^-31, 1 - 2^-24]; sweep it log-uniformly and near 1.
            var random = new Random(3);
            double worst = 0;
            for (int i = 0; i < 400_000; i++)
            {
                float x = (i % 2) == 0
                    ? (float)Math.Pow(2, -31 * random.NextDouble())
                    : 1.0f - (random.Next(1, 1 << 16) * (1.0f / 16777216.0f));
                x = Math.Min(x, StandardVariates.LargestBelowOne);
                double expected = Math.Log(x);
                if (expected != 0)
                {
                    worst = Math.Max(worst, Math.Abs(ReproducibleMath.Log(x) - expected) / Math.Abs(expected));
                }
            }

            Assert.True(worst <= 1.5e-7, $"worst relative error {worst}");
        }

        [Fact]
        public void Float_sin_cos_agree_with_Math_Sin_and_Math_Cos_on_the_first_octant()
        {
            double worstSin = 0, worstCos = 0;
            const int Steps = 200_000;
            for (int i = 1; i <= Steps; i++)
            {
                float x = (float)(ReproducibleMath.QuarterPi * i / Steps);
                ReproducibleMath.SinCosFirstOctant(x, out float sin, out float cos);
                worstSin = Math.Max(worstSin, Math.Abs(sin - Math.Sin(x)) / Math.Sin(x));
                worstCos = Math.Max(worstCos, Math.Abs(cos - Math.Cos(x)) / Math.Cos(x));
            }

            Assert.True(worstSin <= 1.5e-7, $"worst sin error {worstSin}");
            Assert.True(worstCos <= 1.5e-7, $"worst cos error {worstCos}");
        }

        [Fact]
        public void Float_Box_Muller_pairs_match_the_textbook_formula_in_every_octant()
        {
            var random = new Random(4);
            const float Scale = 0.75f;
            for (int i = 0; i < 100_000; i++)
            {
                uint radiusWord = (uint)random.NextInt64(0, 1L << 32);
                uint angleWord = (uint)random.NextInt64(0, 1L << 32);
                if (i < 4)
                {
                    radiusWord = new[] { 0u, 1u, uint.MaxValue, uint.MaxValue - 1 }[i]; // u = 2^-31 and u capped below 1
                }

                StandardVariates.NormalPair(radiusWord, angleWord, Scale, out float z0, out float z1);

                // u as the sampler draws it: the odd 31-bit integer rounded to float, times 2^-31, capped below 1.
                double u = Math.Min((float)(int)((radiusWord >> 1) | 1u) * Math.Pow(2, -31), 1 - Math.Pow(2, -24));
                double radius = Scale * Math.Sqrt(-2 * Math.Log(u));
                double angle = ((((angleWord >> 6) & 0x7FFFFFu) * 2.0) + 1) * Math.Pow(2, -24) * Math.PI / 4;
                uint octant = angleWord >> 29;
                double first = (octant & 4) != 0 ? Math.Sin(angle) : Math.Cos(angle);
                double second = (octant & 4) != 0 ? Math.Cos(angle) : Math.Sin(angle);
                first = (octant & 2) != 0 ? -first : first;
                second = (octant & 1) != 0 ? -second : second;

                // Float arithmetic: a few float ulps of the radius and of sin/cos.
                double tolerance = 1e-6 * radius;
                Assert.Equal(radius * first, z0, tolerance);
                Assert.Equal(radius * second, z1, tolerance);
            }
        }

        [Fact]
        public void Float_Box_Muller_never_exceeds_its_radius_limit_and_never_gives_zero_radius()
        {
            // u = 2^-31 gives the largest radius sqrt(62 ln 2) = 6.5555; u capped at 1 - 2^-24 the smallest, 3.45e-4.
            StandardVariates.NormalPair(0u, 0u, 1.0f, out float largest, out _);
            Assert.InRange(largest, 6.5554f, 6.5556f);
            StandardVariates.NormalPair(uint.MaxValue, 0u, 1.0f, out float smallest, out _);
            Assert.InRange(smallest, 3.4e-4f, 3.5e-4f);
        }

        [Fact]
        public void Uniform_variates_are_odd_multiples_strictly_inside_minus_1_1()
        {
            Assert.Equal(-1 + Math.Pow(2, -24), StandardVariates.SignedUnitSingle(0u));
            Assert.Equal(1 - Math.Pow(2, -24), StandardVariates.SignedUnitSingle(uint.MaxValue));
            Assert.Equal(Math.Pow(2, -24), StandardVariates.SignedUnitSingle(0x80000000u));

            // Double: magnitude (2k + 1) 2^-53 from the top 52 bits k, sign from bit 11 of the low word.
            Assert.Equal(Math.Pow(2, -53), StandardVariates.SignedUnitDouble(0u, 0u));
            Assert.Equal(-Math.Pow(2, -53), StandardVariates.SignedUnitDouble(0u, 0x800u));
            Assert.Equal(1 - Math.Pow(2, -53), StandardVariates.SignedUnitDouble(uint.MaxValue, 0xFFFFF7FFu));
            Assert.Equal(-(1 - Math.Pow(2, -53)), StandardVariates.SignedUnitDouble(uint.MaxValue, uint.MaxValue));
            Assert.Equal(0.5 + Math.Pow(2, -53), StandardVariates.SignedUnitDouble(0x80000000u, 0u));
        }
    }
}
