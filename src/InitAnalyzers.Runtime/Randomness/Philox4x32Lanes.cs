#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// <see cref="Philox4x32"/> for <see cref="Vector{T}.Count"/> (or, with AVX-512, 16) consecutive blocks at once,
    /// one block per lane: the same integer operations lane by lane, so lane j holds exactly the words of the scalar
    /// block firstBlock + j.
    /// </summary>
    internal static class Philox4x32Lanes
    {
        private const uint M0 = 0xD2511F53;
        private const uint M1 = 0xCD9E8D57;
        private const uint W0 = 0x9E3779B9;
        private const uint W1 = 0xBB67AE85;
        private const ulong HighWordMask = 0xFFFFFFFF00000000;
        private const ulong LowWordMask = 0x00000000FFFFFFFF;

        private static readonly uint[] s_laneIndices = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

        /// <summary>(0, 1, 2, ...): added to a block index broadcast over the lanes.</summary>
        public static Vector<uint> LaneIndices => new Vector<uint>(s_laneIndices);

        /// <summary>
        /// Words r0..r3 of blocks firstBlock, firstBlock + 1, ..., one block per lane. The low words of the block
        /// indices must not wrap inside the vector (firstBlock a multiple of <see cref="Vector{T}.Count"/> ensures it).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Blocks(
            PhiloxKey key, ulong firstBlock, Vector<uint> laneIndices,
            out Vector<uint> r0, out Vector<uint> r1, out Vector<uint> r2, out Vector<uint> r3)
        {
            Vector<uint> c0 = new Vector<uint>((uint)firstBlock) + laneIndices;
            Vector<uint> c1 = new Vector<uint>((uint)(firstBlock >> 32));
            uint k0 = key.Low;
            uint k1 = key.High;

            // Round 1 with c2 = c3 = 0: the product M1 * c2 is 0, so only M0 * c0 is computed.
            Vector<uint> high0 = MultiplyHigh(c0, M0, out Vector<uint> low0);
            Vector<uint> c2 = high0 ^ new Vector<uint>(k1);
            Vector<uint> c3 = low0;
            c0 = c1 ^ new Vector<uint>(k0);
            c1 = Vector<uint>.Zero;

            for (int round = 1; round < Philox4x32.Rounds; round++)
            {
                k0 += W0;
                k1 += W1;
                high0 = MultiplyHigh(c0, M0, out low0);
                Vector<uint> high1 = MultiplyHigh(c2, M1, out Vector<uint> low1);
                Vector<uint> next0 = high1 ^ c1 ^ new Vector<uint>(k0);
                Vector<uint> next2 = high0 ^ c3 ^ new Vector<uint>(k1);
                c1 = low1;
                c3 = low0;
                c0 = next0;
                c2 = next2;
            }

            r0 = c0;
            r1 = c1;
            r2 = c2;
            r3 = c3;
        }

        /// <summary>Words r0..r3 of blocks firstBlock .. firstBlock + 15, one block per 512-bit lane (AVX-512F only).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Blocks(
            PhiloxKey key, ulong firstBlock,
            out Vector512<uint> r0, out Vector512<uint> r1, out Vector512<uint> r2, out Vector512<uint> r3)
        {
            Vector512<uint> c0 = Vector512.Create((uint)firstBlock) + Vector512.Create(0u, 1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u, 9u, 10u, 11u, 12u, 13u, 14u, 15u);
            Vector512<uint> c1 = Vector512.Create((uint)(firstBlock >> 32));
            uint k0 = key.Low;
            uint k1 = key.High;

            Vector512<uint> high0 = MultiplyHigh(c0, M0, out Vector512<uint> low0);
            Vector512<uint> c2 = high0 ^ Vector512.Create(k1);
            Vector512<uint> c3 = low0;
            c0 = c1 ^ Vector512.Create(k0);
            c1 = Vector512<uint>.Zero;

            for (int round = 1; round < Philox4x32.Rounds; round++)
            {
                k0 += W0;
                k1 += W1;
                high0 = MultiplyHigh(c0, M0, out low0);
                Vector512<uint> high1 = MultiplyHigh(c2, M1, out Vector512<uint> low1);
                Vector512<uint> next0 = high1 ^ c1 ^ Vector512.Create(k0);
                Vector512<uint> next2 = high0 ^ c3 ^ Vector512.Create(k1);
                c1 = low1;
                c3 = low0;
                c0 = next0;
                c2 = next2;
            }

            r0 = c0;
            r1 = c1;
            r2 = c2;
            r3 = c3;
        }

        /// <summary>The high and low 32 bits of the 64-bit products a * multiplier, lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<uint> MultiplyHigh(Vector<uint> a, uint multiplier, out Vector<uint> low)
        {
            Vector<uint> m = new Vector<uint>(multiplier);
            Vector<ulong> even = MultiplyEvenLanes(a, m);
            Vector<ulong> odd = MultiplyEvenLanes(Vector.AsVectorUInt32(Vector.ShiftRightLogical(Vector.AsVectorUInt64(a), 32)), m);
            low = a * m;

            // Each 64-bit lane holds an even 32-bit lane's product; its high word moves down, the odd lane's stays up.
            return Vector.AsVectorUInt32(Vector.ShiftRightLogical(even, 32) | (odd & new Vector<ulong>(HighWordMask)));
        }

        /// <summary>The full 64-bit products of the even 32-bit lanes (0, 2, 4, ...), as x86's pmuludq computes them.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector<ulong> MultiplyEvenLanes(Vector<uint> a, Vector<uint> b)
        {
            if (Vector<byte>.Count == 64 && Avx512F.IsSupported)
            {
                return Avx512F.Multiply(a.AsVector512(), b.AsVector512()).AsVector();
            }

            if (Vector<byte>.Count == 32 && Avx2.IsSupported)
            {
                return Avx2.Multiply(a.AsVector256(), b.AsVector256()).AsVector();
            }

            if (Vector<byte>.Count == 16 && Sse2.IsSupported)
            {
                return Sse2.Multiply(a.AsVector128(), b.AsVector128()).AsVector();
            }

            return MultiplyEvenLanesPortably(a, b);
        }

        /// <summary>The products of the even lanes through 64-bit lanes, for platforms without pmuludq (Arm64).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector<ulong> MultiplyEvenLanesPortably(Vector<uint> a, Vector<uint> b)
        {
            var lowWords = new Vector<ulong>(LowWordMask);
            return (Vector.AsVectorUInt64(a) & lowWords) * (Vector.AsVectorUInt64(b) & lowWords);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<uint> MultiplyHigh(Vector512<uint> a, uint multiplier, out Vector512<uint> low)
        {
            Vector512<uint> m = Vector512.Create(multiplier);
            Vector512<ulong> even = Avx512F.Multiply(a, m);
            Vector512<ulong> odd = Avx512F.Multiply(Vector512.ShiftRightLogical(a.AsUInt64(), 32).AsUInt32(), m);
            low = a * m;
            return (Vector512.ShiftRightLogical(even, 32) | (odd & Vector512.Create(HighWordMask))).AsUInt32();
        }
    }
}
#endif
