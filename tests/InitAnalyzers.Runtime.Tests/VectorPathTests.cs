using System;
using System.Linq;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>
    /// The SIMD paths (Vector&lt;uint&gt;.Count blocks at once, and 16 with AVX-512) give the same bits as the scalar
    /// path (one block at a time, what netstandard2.0 and machines without SIMD run), for every sampler, length and
    /// starting index. Run with DOTNET_MaxVectorTBitWidth=128 or 512, or DOTNET_EnableAVX512F=0, to cover other widths.
    /// </summary>
    public class VectorPathTests
    {
        private static readonly int[] Lengths = { 1, 3, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1000, 4099 };
        private static readonly ulong[] FirstIndices = { 0, 1, 15, 16, 31, 32, 63, 64, 65, 1_000_003, (1UL << 32) * 64 - 17 };

        [Fact]
        public void This_machine_runs_a_vector_path()
        {
            // Otherwise the comparisons below compare the scalar path with itself.
            Assert.NotEqual(LaneWidth.Scalar, BlockFill.FastestLanes);
            Assert.Contains(BlockFill.FastestLanes, AcceleratedWidths);
        }

        [Theory]
        [InlineData(0.05)]
        [InlineData(1.0)]
        [InlineData(3e38)]
        [InlineData(1e-30)]
        public void Float_uniform_lanes_match_the_scalar_bits(double bound)
            => AssertSameBits<float, SingleUniformSampler>(new SingleUniformSampler(bound));

        [Theory]
        [InlineData(0.05)]
        [InlineData(1.0)]
        [InlineData(1e308)]
        [InlineData(1e-300)]
        public void Double_uniform_lanes_match_the_scalar_bits(double bound)
            => AssertSameBits<double, DoubleUniformSampler>(new DoubleUniformSampler(bound));

        [Theory]
        [InlineData(0.0505)]
        [InlineData(1.0)]
        [InlineData(5e37)]
        [InlineData(1e-30)]
        public void Float_normal_lanes_match_the_scalar_bits(double std)
            => AssertSameBits<float, SingleNormalSampler>(new SingleNormalSampler(std));

        [Theory]
        [InlineData(0.0505)]
        [InlineData(1.0)]
        [InlineData(1e307)]
        [InlineData(1e-300)]
        public void Double_normal_lanes_match_the_scalar_bits(double std)
            => AssertSameBits<double, DoubleNormalSampler>(new DoubleNormalSampler(std));

        [Fact]
        public void Float_normal_lanes_match_the_scalar_bits_over_a_million_values()
        {
            // Enough values to reach the extremes of u (radius words near 0 and near 2^32) and every octant.
            AssertSameBits<float, SingleNormalSampler>(new SingleNormalSampler(1.0), 1 << 20, 0, PhiloxKeys.FromSeed(7));
            AssertSameBits<double, DoubleNormalSampler>(new DoubleNormalSampler(1.0), 1 << 19, 0, PhiloxKeys.FromSeed(7));
        }

        private static void AssertSameBits<T, TSampler>(TSampler sampler)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            foreach (int seed in new[] { 0, 42, -1, int.MinValue })
            {
                foreach (int length in Lengths)
                {
                    foreach (ulong first in FirstIndices)
                    {
                        AssertSameBits<T, TSampler>(sampler, length, first, PhiloxKeys.FromSeed(seed));
                    }
                }
            }
        }

        /// <summary>The vector widths this machine accelerates (Vector512 only with AVX-512F, and only beyond Vector&lt;T&gt;).</summary>
        private static LaneWidth[] AcceleratedWidths
        {
            get
            {
                var widths = new System.Collections.Generic.List<LaneWidth>();
                if (Vector.IsHardwareAccelerated)
                {
                    widths.Add(LaneWidth.Vector);
                }

                if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
                {
                    widths.Add(LaneWidth.Vector512);
                }

                return widths.ToArray();
            }
        }

        private static void AssertSameBits<T, TSampler>(TSampler sampler, int length, ulong firstIndex, PhiloxKey key)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            var scalar = new T[length];
            BlockFill.Fill(scalar.AsSpan(), key, firstIndex, sampler, LaneWidth.Scalar);
            foreach (LaneWidth width in AcceleratedWidths)
            {
                var vector = new T[length];
                BlockFill.Fill(vector.AsSpan(), key, firstIndex, sampler, width);
                int firstDifference = Enumerable.Range(0, length).FirstOrDefault(i => !scalar[i].Equals(vector[i]), -1);
                Assert.True(firstDifference < 0, $"{width}, length {length}, first index {firstIndex}: scalar {(firstDifference < 0 ? default : scalar[firstDifference])} but {(firstDifference < 0 ? default : vector[firstDifference])} at {firstDifference}");
            }
        }
    }
}
