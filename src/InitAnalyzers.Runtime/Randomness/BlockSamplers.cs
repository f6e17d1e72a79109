using System;
using System.Runtime.CompilerServices;

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// Turns one Philox block (four 32-bit words) into a fixed number of consecutive weights. Element i of a
    /// fill comes from block i / <see cref="ValuesPerBlock"/>, lane i % <see cref="ValuesPerBlock"/>, which is
    /// what makes every value a pure function of (key, i), whatever the chunking, thread count or SIMD width.
    /// </summary>
    /// <typeparam name="T">float or double.</typeparam>
    internal interface IBlockSampler<T>
    {
        /// <summary>How many consecutive weights one block yields: 4 for float, 2 for double.</summary>
        int ValuesPerBlock { get; }

        /// <summary>Writes <see cref="ValuesPerBlock"/> weights made from the block's words.</summary>
        void Sample(uint w0, uint w1, uint w2, uint w3, Span<T> destination);
    }

    /// <summary>U(-bound, bound) in float: four 24-bit uniforms per block, each rounded once (bound * odd 2^-24).</summary>
    internal readonly struct SingleUniformSampler : IBlockSampler<float>
    {
        private readonly float _bound;

        public SingleUniformSampler(double bound) => _bound = (float)bound;

        public int ValuesPerBlock => 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(uint w0, uint w1, uint w2, uint w3, Span<float> destination)
        {
            destination[3] = _bound * StandardVariates.SignedUnitSingle(w3);
            destination[2] = _bound * StandardVariates.SignedUnitSingle(w2);
            destination[1] = _bound * StandardVariates.SignedUnitSingle(w1);
            destination[0] = _bound * StandardVariates.SignedUnitSingle(w0);
        }
    }

    /// <summary>U(-bound, bound) in double: two 53-bit uniforms per block, each rounded once.</summary>
    internal readonly struct DoubleUniformSampler : IBlockSampler<double>
    {
        private readonly double _bound;

        public DoubleUniformSampler(double bound) => _bound = bound;

        public int ValuesPerBlock => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(uint w0, uint w1, uint w2, uint w3, Span<double> destination)
        {
            destination[1] = _bound * StandardVariates.SignedUnitDouble(w2, w3);
            destination[0] = _bound * StandardVariates.SignedUnitDouble(w0, w1);
        }
    }

    /// <summary>
    /// N(0, std^2) in float: two Box-Muller pairs per block, computed in double with the reproducible log and
    /// sin/cos, multiplied by the standard deviation in double and rounded once to float.
    /// </summary>
    internal readonly struct SingleNormalSampler : IBlockSampler<float>
    {
        private readonly double _standardDeviation;

        public SingleNormalSampler(double standardDeviation) => _standardDeviation = standardDeviation;

        public int ValuesPerBlock => 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(uint w0, uint w1, uint w2, uint w3, Span<float> destination)
        {
            StandardVariates.NormalPairFrom64Bits(w0, w1, out double z0, out double z1);
            StandardVariates.NormalPairFrom64Bits(w2, w3, out double z2, out double z3);
            destination[3] = (float)(_standardDeviation * z3);
            destination[2] = (float)(_standardDeviation * z2);
            destination[1] = (float)(_standardDeviation * z1);
            destination[0] = (float)(_standardDeviation * z0);
        }
    }

    /// <summary>N(0, std^2) in double: one Box-Muller pair per block (53-bit uniforms), times the standard deviation.</summary>
    internal readonly struct DoubleNormalSampler : IBlockSampler<double>
    {
        private readonly double _standardDeviation;

        public DoubleNormalSampler(double standardDeviation) => _standardDeviation = standardDeviation;

        public int ValuesPerBlock => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sample(uint w0, uint w1, uint w2, uint w3, Span<double> destination)
        {
            StandardVariates.NormalPairFrom128Bits(w0, w1, w2, w3, out double z0, out double z1);
            destination[1] = _standardDeviation * z1;
            destination[0] = _standardDeviation * z0;
        }
    }
}
