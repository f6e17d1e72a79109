using System;
using System.Runtime.CompilerServices;

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// Maps Philox output words to standard uniform and standard normal variates with exact integer-to-float
    /// conversions and the operations of <see cref="ReproducibleMath"/>, so each value is the same on every machine.
    /// Every method is a small, branch-free function of its words, repeated lane by lane in StandardVariateLanes (net8.0).
    /// </summary>
    internal static class StandardVariates
    {
        internal const float TwoToMinus24 = 1.0f / 16777216.0f;            // 2^-24, exact
        internal const float TwoToMinus31 = 1.0f / 2147483648.0f;          // 2^-31, exact
        internal const double TwoToMinus53 = 1.0 / 9007199254740992.0;     // 2^-53, exact
        internal const int TwoTo24 = 1 << 24;
        internal const ulong OneBits = 0x3FF0000000000000;                 // 1.0: with 52 random mantissa bits, [1, 2)
        internal const ulong SignBit = 0x8000000000000000;
        internal const uint SignBitSingle = 0x80000000;

        /// <summary>1 - 2^-24, the largest float below 1: the cap on u, so that the Box-Muller radius is never 0.</summary>
        internal const float LargestBelowOne = 1.0f - TwoToMinus24;

        /// <summary>pi/4 * 2^-24: an odd 24-bit integer times it is a uniform position inside the first octant.</summary>
        internal const float QuarterPiOverTwoTo24 = ReproducibleMath.QuarterPiSingle * TwoToMinus24;

        /// <summary>
        /// A float uniform on (-1, 1) from the top 24 bits of one word (and its 25th bit as the half step):
        /// the odd multiples of 2^-24, 2^24 equally likely values, symmetric about 0 and never 0 or +-1.
        /// Exact in float.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float SignedUnitSingle(uint word)
        {
            int odd = (int)((word >> 7) | 1u) - TwoTo24; // odd, in [-(2^24 - 1), 2^24 - 1]
            return odd * TwoToMinus24;
        }

        /// <summary>
        /// A double uniform on (-1, 1) from 53 bits of two words: magnitude (2k + 1) 2^-53 from the top 52 bits k,
        /// sign from the next bit. The odd multiples of 2^-53, 2^53 equally likely values, symmetric about 0 and never
        /// 0 or +-1. Exact in double: 1.k - 1 and the added half step are exact.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double SignedUnitDouble(uint high, uint low)
        {
            ulong bits = ((ulong)high << 32) | low;
            double magnitude = BitConverter.Int64BitsToDouble((long)((bits >> 12) | OneBits)) - 1.0 + TwoToMinus53;
            ulong sign = (bits << 52) & SignBit;
            return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(magnitude) ^ (long)sign);
        }

        /// <summary>
        /// One pair of independent normals N(0, scale^2) in float by the Box-Muller transform (Box and Muller 1958) from
        /// two words, computed in float. Radius: sqrt(-2 ln u) with u the odd 31-bit integer (radiusWord &gt;&gt; 1) | 1
        /// rounded to float, times 2^-31, capped at 1 - 2^-24 (u in [2^-31, 1), so |z| &lt;= sqrt(62 ln 2) = 6.5555).
        /// Angle: the 3 top bits of <paramref name="angleWord"/> pick the octant as in <see cref="NormalPair(double, double, uint, out double, out double)"/>,
        /// its bits 6..28 the position inside it.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void NormalPair(uint radiusWord, uint angleWord, float scale, out float z0, out float z1)
        {
            float u = (int)((radiusWord >> 1) | 1u) * TwoToMinus31; // the conversion rounds to nearest, as cvtdq2ps does
            u = u < LargestBelowOne ? u : LargestBelowOne;
            float radius = SquareRoot(-2.0f * ReproducibleMath.Log(u)) * scale;
            float x = (int)(((angleWord >> 5) & 0x00FFFFFEu) | 1u) * QuarterPiOverTwoTo24;
            ReproducibleMath.SinCosFirstOctant(x, out float sin, out float cos);

            // Bit 31 swaps (cos, sin), bit 30 negates the first, bit 29 the second: blends and xors on the bit patterns.
            int swap = (int)angleWord >> 31;
            int sinBits = ReproducibleMath.SingleToInt32Bits(sin);
            int cosBits = ReproducibleMath.SingleToInt32Bits(cos);
            int firstBits = ((cosBits & ~swap) | (sinBits & swap)) ^ (int)((angleWord << 1) & SignBitSingle);
            int secondBits = ((sinBits & ~swap) | (cosBits & swap)) ^ (int)((angleWord << 2) & SignBitSingle);
            z0 = radius * ReproducibleMath.Int32BitsToSingle(firstBits);
            z1 = radius * ReproducibleMath.Int32BitsToSingle(secondBits);
        }

        /// <summary>
        /// One pair of independent standard normals by Box-Muller from four words, for double output: the radius
        /// from u = (2k + 1) 2^-53 with k the top 52 bits of the first two words (|z| &lt; 8.58), the angle's octant from
        /// the 3 top bits of the last two and its position in the octant from their next 52 bits, likewise.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void NormalPairFrom128Bits(uint w0, uint w1, uint w2, uint w3, out double z0, out double z1)
        {
            ulong radiusBits = ((ulong)w0 << 32) | w1;
            ulong angleBits = ((ulong)w2 << 32) | w3;
            double u = BitConverter.Int64BitsToDouble((long)((radiusBits >> 12) | OneBits)) - 1.0 + TwoToMinus53;
            double t = BitConverter.Int64BitsToDouble((long)(((angleBits << 3) >> 12) | OneBits)) - 1.0 + TwoToMinus53;
            NormalPair(u, t, w2 >> 29, out z0, out z1);
        }

        /// <summary>
        /// Box-Muller without a general sine: the angle is x = t pi/4 in the first octant, mapped to one of the eight
        /// octants by the symmetries of the square (swap cos and sin, negate either). Each octant is equally likely
        /// and each map preserves arc length, so the angle is uniform on the whole circle, and no range reduction
        /// (the usual source of platform differences) is needed.
        /// </summary>
        /// <param name="u">Uniform on (0, 1), never 0 or 1.</param>
        /// <param name="t">Uniform on (0, 1): the position inside the octant.</param>
        /// <param name="octant">0..7: bit 2 swaps (cos, sin), bit 1 negates the first, bit 0 the second.</param>
        /// <param name="z0">First standard normal.</param>
        /// <param name="z1">Second standard normal.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void NormalPair(double u, double t, uint octant, out double z0, out double z1)
        {
            double radius = Math.Sqrt(-2.0 * ReproducibleMath.Log(u)); // Math.Sqrt is correctly rounded (IEEE 754)
            ReproducibleMath.SinCosFirstOctant(t * ReproducibleMath.QuarterPi, out double sin, out double cos);

            // Branch-free selection and sign flips on the bit patterns, as SIMD blends and xors would do.
            long sinBits = BitConverter.DoubleToInt64Bits(sin);
            long cosBits = BitConverter.DoubleToInt64Bits(cos);
            long swap = -(long)((octant >> 2) & 1u);
            long firstBits = (cosBits & ~swap) | (sinBits & swap);
            long secondBits = (sinBits & ~swap) | (cosBits & swap);
            firstBits ^= (long)((octant >> 1) & 1u) << 63;
            secondBits ^= (long)(octant & 1u) << 63;

            z0 = radius * BitConverter.Int64BitsToDouble(firstBits);
            z1 = radius * BitConverter.Int64BitsToDouble(secondBits);
        }

        /// <summary>The correctly rounded float square root (a float's square root in double, rounded once, is correctly rounded).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float SquareRoot(float x)
#if NET8_0_OR_GREATER
            => MathF.Sqrt(x);
#else
            => (float)Math.Sqrt(x);
#endif
    }
}
