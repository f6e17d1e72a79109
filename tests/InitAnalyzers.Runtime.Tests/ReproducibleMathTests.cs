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
        public void Uniform_variates_are_odd_multiples_strictly_inside_minus_1_1()
        {
            Assert.Equal(-1 + Math.Pow(2, -24), StandardVariates.SignedUnitSingle(0u));
            Assert.Equal(1 - Math.Pow(2, -24), StandardVariates.SignedUnitSingle(uint.MaxValue));
            Assert.Equal(Math.Pow(2, -24), StandardVariates.SignedUnitSingle(0x80000000u));
            Assert.Equal(-1 + Math.Pow(2, -53), StandardVariates.SignedUnitDouble(0u, 0u));
            Assert.Equal(1 - Math.Pow(2, -53), StandardVariates.SignedUnitDouble(uint.MaxValue, uint.MaxValue));
            Assert.Equal(Math.Pow(2, -53), StandardVariates.SignedUnitDouble(0x80000000u, 0u));
        }
    }
}
