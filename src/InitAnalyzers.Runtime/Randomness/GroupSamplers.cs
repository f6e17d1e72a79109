using System;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.Intrinsics;
#endif

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// Turns the 16 Philox blocks of a group (see <see cref="BlockFill"/>) into its <see cref="ValuesPerGroup"/>
    /// weights. Within a group, value r * 16 + j comes from block j: row r is one word (float) or one pair of words
    /// (double) of every block, so SIMD lanes holding consecutive blocks store consecutive weights.
    /// </summary>
    /// <typeparam name="T">float or double.</typeparam>
    internal interface IGroupSampler<T>
        where T : unmanaged
    {
        /// <summary>How many weights one group of 16 blocks yields: 64 for float, 32 for double.</summary>
        int ValuesPerGroup { get; }

        /// <summary>Writes the weights of block <paramref name="lane"/> of the group: group[r * 16 + lane] for every row r.</summary>
        void Sample(uint w0, uint w1, uint w2, uint w3, Span<T> group, int lane);

#if NET8_0_OR_GREATER
        /// <summary>
        /// The scalar <see cref="Sample(uint, uint, uint, uint, Span{T}, int)"/> for blocks lane .. lane + Vector&lt;uint&gt;.Count - 1
        /// at once, word k of each block in the lanes of wk; the same bits.
        /// </summary>
        void Sample(Vector<uint> w0, Vector<uint> w1, Vector<uint> w2, Vector<uint> w3, Span<T> group, int lane);

        /// <summary>The scalar <see cref="Sample(uint, uint, uint, uint, Span{T}, int)"/> for the 16 blocks of a whole group at once (AVX-512).</summary>
        void Sample(Vector512<uint> w0, Vector512<uint> w1, Vector512<uint> w2, Vector512<uint> w3, Span<T> group);
#endif
    }

    /// <summary>U(-bound, bound) in float: one 24-bit uniform per word, rounded once (bound * odd 2^-24).</summary>
    internal readonly struct SingleUniformSampler : IGroupSampler<float>
    {
        private readonly float bound;

        public SingleUniformSampler(double bound) => this.bound = (float)bound;

        public int ValuesPerGroup => 4 * BlockFill.BlocksPerGroup;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(uint w0, uint w1, uint w2, uint w3, Span<float> group, int lane)
        {
            group[lane] = bound * StandardVariates.SignedUnitSingle(w0);
            group[BlockFill.BlocksPerGroup + lane] = bound * StandardVariates.SignedUnitSingle(w1);
            group[(2 * BlockFill.BlocksPerGroup) + lane] = bound * StandardVariates.SignedUnitSingle(w2);
            group[(3 * BlockFill.BlocksPerGroup) + lane] = bound * StandardVariates.SignedUnitSingle(w3);
        }

#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(Vector<uint> w0, Vector<uint> w1, Vector<uint> w2, Vector<uint> w3, Span<float> group, int lane)
        {
            (StandardVariateLanes.SignedUnitSingle(w0) * bound).CopyTo(group.Slice(lane));
            (StandardVariateLanes.SignedUnitSingle(w1) * bound).CopyTo(group.Slice(BlockFill.BlocksPerGroup + lane));
            (StandardVariateLanes.SignedUnitSingle(w2) * bound).CopyTo(group.Slice((2 * BlockFill.BlocksPerGroup) + lane));
            (StandardVariateLanes.SignedUnitSingle(w3) * bound).CopyTo(group.Slice((3 * BlockFill.BlocksPerGroup) + lane));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(Vector512<uint> w0, Vector512<uint> w1, Vector512<uint> w2, Vector512<uint> w3, Span<float> group)
        {
            (StandardVariateLanes.SignedUnitSingle(w0) * bound).CopyTo(group);
            (StandardVariateLanes.SignedUnitSingle(w1) * bound).CopyTo(group.Slice(BlockFill.BlocksPerGroup));
            (StandardVariateLanes.SignedUnitSingle(w2) * bound).CopyTo(group.Slice(2 * BlockFill.BlocksPerGroup));
            (StandardVariateLanes.SignedUnitSingle(w3) * bound).CopyTo(group.Slice(3 * BlockFill.BlocksPerGroup));
        }
#endif
    }

    /// <summary>U(-bound, bound) in double: one 53-bit uniform per pair of words (w0 w1, w2 w3), rounded once.</summary>
    internal readonly struct DoubleUniformSampler : IGroupSampler<double>
    {
        private readonly double bound;

        public DoubleUniformSampler(double bound) => this.bound = bound;

        public int ValuesPerGroup => 2 * BlockFill.BlocksPerGroup;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(uint w0, uint w1, uint w2, uint w3, Span<double> group, int lane)
        {
            group[lane] = bound * StandardVariates.SignedUnitDouble(w0, w1);
            group[BlockFill.BlocksPerGroup + lane] = bound * StandardVariates.SignedUnitDouble(w2, w3);
        }

#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(Vector<uint> w0, Vector<uint> w1, Vector<uint> w2, Vector<uint> w3, Span<double> group, int lane)
        {
            int half = Vector<double>.Count;
            WordPairs.Join(w0, w1, out Vector<ulong> lower, out Vector<ulong> upper);
            (StandardVariateLanes.SignedUnitDouble(lower) * bound).CopyTo(group.Slice(lane));
            (StandardVariateLanes.SignedUnitDouble(upper) * bound).CopyTo(group.Slice(lane + half));
            WordPairs.Join(w2, w3, out lower, out upper);
            (StandardVariateLanes.SignedUnitDouble(lower) * bound).CopyTo(group.Slice(BlockFill.BlocksPerGroup + lane));
            (StandardVariateLanes.SignedUnitDouble(upper) * bound).CopyTo(group.Slice(BlockFill.BlocksPerGroup + lane + half));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(Vector512<uint> w0, Vector512<uint> w1, Vector512<uint> w2, Vector512<uint> w3, Span<double> group)
        {
            const int Half = BlockFill.BlocksPerGroup / 2;
            WordPairs.Join(w0, w1, out Vector512<ulong> lower, out Vector512<ulong> upper);
            (StandardVariateLanes.SignedUnitDouble(lower) * bound).CopyTo(group);
            (StandardVariateLanes.SignedUnitDouble(upper) * bound).CopyTo(group.Slice(Half));
            WordPairs.Join(w2, w3, out lower, out upper);
            (StandardVariateLanes.SignedUnitDouble(lower) * bound).CopyTo(group.Slice(BlockFill.BlocksPerGroup));
            (StandardVariateLanes.SignedUnitDouble(upper) * bound).CopyTo(group.Slice(BlockFill.BlocksPerGroup + Half));
        }
#endif
    }

    /// <summary>
    /// N(0, std^2) in float: two Box-Muller pairs per block (w0 radius and w1 angle give rows 0 and 1, w2 and w3 rows
    /// 2 and 3), computed in float with the reproducible log and sin/cos; the radius is multiplied by the standard deviation.
    /// </summary>
    internal readonly struct SingleNormalSampler : IGroupSampler<float>
    {
        private readonly float standardDeviation;

        public SingleNormalSampler(double standardDeviation) => this.standardDeviation = (float)standardDeviation;

        public int ValuesPerGroup => 4 * BlockFill.BlocksPerGroup;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(uint w0, uint w1, uint w2, uint w3, Span<float> group, int lane)
        {
            StandardVariates.NormalPair(w0, w1, standardDeviation, out float z0, out float z1);
            StandardVariates.NormalPair(w2, w3, standardDeviation, out float z2, out float z3);
            group[lane] = z0;
            group[BlockFill.BlocksPerGroup + lane] = z1;
            group[(2 * BlockFill.BlocksPerGroup) + lane] = z2;
            group[(3 * BlockFill.BlocksPerGroup) + lane] = z3;
        }

#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(Vector<uint> w0, Vector<uint> w1, Vector<uint> w2, Vector<uint> w3, Span<float> group, int lane)
        {
            StandardVariateLanes.NormalPair(w0, w1, standardDeviation, out Vector<float> z0, out Vector<float> z1);
            z0.CopyTo(group.Slice(lane));
            z1.CopyTo(group.Slice(BlockFill.BlocksPerGroup + lane));
            StandardVariateLanes.NormalPair(w2, w3, standardDeviation, out z0, out z1);
            z0.CopyTo(group.Slice((2 * BlockFill.BlocksPerGroup) + lane));
            z1.CopyTo(group.Slice((3 * BlockFill.BlocksPerGroup) + lane));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(Vector512<uint> w0, Vector512<uint> w1, Vector512<uint> w2, Vector512<uint> w3, Span<float> group)
        {
            StandardVariateLanes.NormalPair(w0, w1, standardDeviation, out Vector512<float> z0, out Vector512<float> z1);
            z0.CopyTo(group);
            z1.CopyTo(group.Slice(BlockFill.BlocksPerGroup));
            StandardVariateLanes.NormalPair(w2, w3, standardDeviation, out z0, out z1);
            z0.CopyTo(group.Slice(2 * BlockFill.BlocksPerGroup));
            z1.CopyTo(group.Slice(3 * BlockFill.BlocksPerGroup));
        }
#endif
    }

    /// <summary>
    /// N(0, std^2) in double: one Box-Muller pair per block (52-bit uniforms from w0 w1 and w2 w3), times the standard
    /// deviation; z0 goes to row 0, z1 to row 1.
    /// </summary>
    internal readonly struct DoubleNormalSampler : IGroupSampler<double>
    {
        private readonly double standardDeviation;

        public DoubleNormalSampler(double standardDeviation) => this.standardDeviation = standardDeviation;

        public int ValuesPerGroup => 2 * BlockFill.BlocksPerGroup;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(uint w0, uint w1, uint w2, uint w3, Span<double> group, int lane)
        {
            StandardVariates.NormalPairFrom128Bits(w0, w1, w2, w3, out double z0, out double z1);
            group[lane] = standardDeviation * z0;
            group[BlockFill.BlocksPerGroup + lane] = standardDeviation * z1;
        }

#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(Vector<uint> w0, Vector<uint> w1, Vector<uint> w2, Vector<uint> w3, Span<double> group, int lane)
        {
            int half = Vector<double>.Count;
            WordPairs.Join(w0, w1, out Vector<ulong> radiusLower, out Vector<ulong> radiusUpper);
            WordPairs.Join(w2, w3, out Vector<ulong> angleLower, out Vector<ulong> angleUpper);
            StandardVariateLanes.NormalPair(radiusLower, angleLower, out Vector<double> z0, out Vector<double> z1);
            (z0 * standardDeviation).CopyTo(group.Slice(lane));
            (z1 * standardDeviation).CopyTo(group.Slice(BlockFill.BlocksPerGroup + lane));
            StandardVariateLanes.NormalPair(radiusUpper, angleUpper, out z0, out z1);
            (z0 * standardDeviation).CopyTo(group.Slice(lane + half));
            (z1 * standardDeviation).CopyTo(group.Slice(BlockFill.BlocksPerGroup + lane + half));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(Vector512<uint> w0, Vector512<uint> w1, Vector512<uint> w2, Vector512<uint> w3, Span<double> group)
        {
            const int Half = BlockFill.BlocksPerGroup / 2;
            WordPairs.Join(w0, w1, out Vector512<ulong> radiusLower, out Vector512<ulong> radiusUpper);
            WordPairs.Join(w2, w3, out Vector512<ulong> angleLower, out Vector512<ulong> angleUpper);
            StandardVariateLanes.NormalPair(radiusLower, angleLower, out Vector512<double> z0, out Vector512<double> z1);
            (z0 * standardDeviation).CopyTo(group);
            (z1 * standardDeviation).CopyTo(group.Slice(BlockFill.BlocksPerGroup));
            StandardVariateLanes.NormalPair(radiusUpper, angleUpper, out z0, out z1);
            (z0 * standardDeviation).CopyTo(group.Slice(Half));
            (z1 * standardDeviation).CopyTo(group.Slice(BlockFill.BlocksPerGroup + Half));
        }
#endif
    }

#if NET8_0_OR_GREATER
    /// <summary>Joins two words per block into 64 bits, high word first, as the scalar samplers do.</summary>
    internal static class WordPairs
    {
        /// <summary>(high &lt;&lt; 32) | low for the lower and the upper half of the lanes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Join(Vector<uint> high, Vector<uint> low, out Vector<ulong> lower, out Vector<ulong> upper)
        {
            Vector.Widen(high, out Vector<ulong> highLower, out Vector<ulong> highUpper);
            Vector.Widen(low, out Vector<ulong> lowLower, out Vector<ulong> lowUpper);
            lower = Vector.ShiftLeft(highLower, 32) | lowLower;
            upper = Vector.ShiftLeft(highUpper, 32) | lowUpper;
        }

        /// <summary>(high &lt;&lt; 32) | low for the lower and the upper 8 of 16 lanes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Join(Vector512<uint> high, Vector512<uint> low, out Vector512<ulong> lower, out Vector512<ulong> upper)
        {
            (Vector512<ulong> highLower, Vector512<ulong> highUpper) = Vector512.Widen(high);
            (Vector512<ulong> lowLower, Vector512<ulong> lowUpper) = Vector512.Widen(low);
            lower = Vector512.ShiftLeft(highLower, 32) | lowLower;
            upper = Vector512.ShiftLeft(highUpper, 32) | lowUpper;
        }
    }
#endif
}
