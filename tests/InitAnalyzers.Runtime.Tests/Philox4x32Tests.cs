using System;
using System.Numerics;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>Known-answer vectors of Random123 (kat_vectors, "philox4x32 10"): counter, key, expected output.</summary>
    public class Philox4x32Tests
    {
        [Theory]
        [InlineData(0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
        [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
        [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
        public void Philox4x32_10_matches_the_Random123_known_answers(
            uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint e0, uint e1, uint e2, uint e3)
        {
            Philox4x32.Generate(new PhiloxKey(k0, k1), c0, c1, c2, c3, out uint r0, out uint r1, out uint r2, out uint r3);
            Assert.Equal(new[] { e0, e1, e2, e3 }, new[] { r0, r1, r2, r3 });
        }

        [Fact]
        public void Block_n_uses_the_counter_low_word_high_word_0_0()
        {
            ulong block = 0x0123456789ABCDEF;
            var key = new PhiloxKey(0xDEADBEEF, 0x12345678);
            Philox4x32.Block(key, block, out uint a0, out uint a1, out uint a2, out uint a3);
            Philox4x32.Generate(key, 0x89ABCDEF, 0x01234567, 0, 0, out uint b0, out uint b1, out uint b2, out uint b3);
            Assert.Equal(new[] { b0, b1, b2, b3 }, new[] { a0, a1, a2, a3 });
        }

        [Fact]
        public void Lanes_hold_the_words_of_consecutive_scalar_blocks()
        {
            var key = new PhiloxKey(0x243F6A88, 0x85A308D3);
            foreach (ulong first in new[] { 0UL, 16UL, 0xFFFFFFF0UL, 0x0000000100000000UL, ulong.MaxValue - 15 })
            {
                Philox4x32Lanes.Blocks(key, first, Philox4x32Lanes.LaneIndices, out Vector<uint> r0, out Vector<uint> r1, out Vector<uint> r2, out Vector<uint> r3);
                for (int lane = 0; lane < Vector<uint>.Count; lane++)
                {
                    Philox4x32.Block(key, first + (ulong)lane, out uint w0, out uint w1, out uint w2, out uint w3);
                    Assert.Equal(new[] { w0, w1, w2, w3 }, new[] { r0[lane], r1[lane], r2[lane], r3[lane] });
                }
            }
        }

        [Fact]
        public void The_portable_even_lane_product_matches_the_intrinsic_and_the_scalar_one()
        {
            // The portable form runs where there is no pmuludq (Arm64); check it here against both.
            var random = new Random(5);
            for (int i = 0; i < 1000; i++)
            {
                var words = new uint[Vector<uint>.Count];
                for (int j = 0; j < words.Length; j++)
                {
                    words[j] = (uint)random.NextInt64(0, 1L << 32);
                }

                var a = new Vector<uint>(words);
                var m = new Vector<uint>(0xD2511F53);
                Vector<ulong> portable = Philox4x32Lanes.MultiplyEvenLanesPortably(a, m);
                Assert.Equal(Philox4x32Lanes.MultiplyEvenLanes(a, m), portable);
                for (int lane = 0; lane < Vector<ulong>.Count; lane++)
                {
                    Assert.Equal((ulong)words[2 * lane] * 0xD2511F53, portable[lane]);
                }
            }
        }

        [Fact]
        public void SplitMix64_matches_its_reference_output_for_state_0()
        {
            // First output of SplitMix64 seeded with 0 (Vigna's splitmix64.c): 0xE220A8397B1DCDAF.
            Assert.Equal(0xE220A8397B1DCDAFul, PhiloxKeys.SplitMix64(0));
        }
    }
}
