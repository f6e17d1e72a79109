using System.Runtime.CompilerServices;

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// The Philox4x32-10 counter-based generator (Salmon, Moraes, Dror and Shaw, "Parallel random numbers:
    /// as easy as 1, 2, 3", SC 2011): a keyed bijection of a 128-bit counter, so block <c>n</c> of a stream is a
    /// pure function of (key, n). Any block can be computed on its own, in any order, on any core, at any SIMD
    /// width, with the same bits. Only 32x32->64-bit multiplies, xors and adds: no floating point.
    /// </summary>
    internal static class Philox4x32
    {
        // Multipliers and Weyl key increments of Philox4x32 (Salmon et al. 2011, table 2; Random123 philox.h).
        private const uint M0 = 0xD2511F53;
        private const uint M1 = 0xCD9E8D57;
        private const uint W0 = 0x9E3779B9; // golden ratio
        private const uint W1 = 0xBB67AE85; // sqrt(3) - 1

        /// <summary>Number of rounds; 10 is the Crush-resistant default of Random123.</summary>
        public const int Rounds = 10;

        /// <summary>
        /// Computes one 128-bit output block for the block index <paramref name="block"/>, whose counter is
        /// (low word of the index, high word of the index, 0, 0).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Block(PhiloxKey key, ulong block, out uint r0, out uint r1, out uint r2, out uint r3)
            => Generate(key, (uint)block, (uint)(block >> 32), 0, 0, out r0, out r1, out r2, out r3);

        /// <summary>Computes Philox4x32-10 of the counter (c0, c1, c2, c3) under <paramref name="key"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Generate(
            PhiloxKey key, uint c0, uint c1, uint c2, uint c3, out uint r0, out uint r1, out uint r2, out uint r3)
        {
            uint k0 = key.Low;
            uint k1 = key.High;
            for (int round = 0; round < Rounds; round++)
            {
                // One round: two 32x32->64-bit products, their high halves xored with the other words and the key.
                ulong product0 = (ulong)M0 * c0;
                ulong product1 = (ulong)M1 * c2;
                uint next0 = (uint)(product1 >> 32) ^ c1 ^ k0;
                uint next2 = (uint)(product0 >> 32) ^ c3 ^ k1;
                c1 = (uint)product1;
                c3 = (uint)product0;
                c0 = next0;
                c2 = next2;

                // The key schedule: a Weyl sequence, bumped between rounds.
                k0 += W0;
                k1 += W1;
            }

            r0 = c0;
            r1 = c1;
            r2 = c2;
            r3 = c3;
        }
    }
}
