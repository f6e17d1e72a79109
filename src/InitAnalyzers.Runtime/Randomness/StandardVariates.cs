using System;
using System.Runtime.CompilerServices;

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// Maps Philox output words to standard uniform and standard normal variates with exact integer-to-float
    /// conversions and the operations of <see cref="ReproducibleMath"/>, so each value is the same on every machine.
    /// Every method is a small, branch-free function of its words, ready to be repeated lane by lane in SIMD.
    /// </summary>
    internal static class StandardVariates
    {
        private const float TwoToMinus24 = 1.0f / 16777216.0f;          // 2^-24, exact
        private const double TwoToMinus30 = 1.0 / 1073741824.0;         // 2^-30, exact
        private const double TwoToMinus33 = 1.0 / 8589934592.0;         // 2^-33, exact
        private const double TwoToMinus53 = 1.0 / 9007199254740992.0;   // 2^-53, exact
        private const int TwoTo24 = 1 << 24;
        private const long TwoTo53 = 1L << 53;

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
        /// A double uniform on (-1, 1) from 53 bits of two words: the odd multiples of 2^-53, 2^53 equally likely
        /// values, symmetric about 0 and never 0 or +-1. Exact in double.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double SignedUnitDouble(uint high, uint low)
        {
            ulong bits = ((ulong)high << 32) | low;
            long odd = (long)((bits >> 10) | 1ul) - TwoTo53; // odd, in [-(2^53 - 1), 2^53 - 1]
            return odd * TwoToMinus53;
        }

        /// <summary>
        /// One pair of independent standard normals by the Box-Muller transform (Box and Muller 1958) from two words:
        /// radius sqrt(-2 ln u), u = (2w + 1) 2^-33 in (0, 1) (never 0, so the logarithm is finite; |z| &lt; 6.77),
        /// and a uniform angle built from the 3 top bits of <paramref name="angleWord"/> (which octant) and its
        /// 29 low bits (where in the octant). Used for float output, whose 24-bit mantissa these 64 bits saturate.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void NormalPairFrom64Bits(uint radiusWord, uint angleWord, out double z0, out double z1)
        {
            double u = ((double)radiusWord * 2.0 + 1.0) * TwoToMinus33;
            double t = ((double)(angleWord & 0x1FFFFFFFu) * 2.0 + 1.0) * TwoToMinus30;
            NormalPair(u, t, angleWord >> 29, out z0, out z1);
        }

        /// <summary>
        /// One pair of independent standard normals by Box-Muller from four words, for double output: the radius
        /// from u = (2k + 1) 2^-53 with 52 bits k of the first two words (|z| &lt; 8.58), the angle's octant from
        /// the 3 top bits of the last two and its position in the octant from their next 53 bits.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void NormalPairFrom128Bits(uint w0, uint w1, uint w2, uint w3, out double z0, out double z1)
        {
            ulong radiusBits = ((ulong)w0 << 32) | w1;
            ulong angleBits = ((ulong)w2 << 32) | w3;
            double u = (long)((radiusBits >> 11) | 1ul) * TwoToMinus53;
            double t = (long)(((angleBits << 3) >> 11) | 1ul) * TwoToMinus53;
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
    }
}
