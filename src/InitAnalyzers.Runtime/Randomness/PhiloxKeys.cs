using System;
using System.Security.Cryptography;
using System.Threading;

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// Where a fill's Philox key comes from: an <see cref="int"/> seed, a caller's <see cref="Random"/>, or fresh
    /// entropy. A key names a whole stream; the element index is the counter, never part of the key.
    /// </summary>
    internal static class PhiloxKeys
    {
        // SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014):
        // golden-ratio increment and the two multipliers of its finalizer (variant 13 of Stafford's Mix).
        private const ulong GoldenGamma = 0x9E3779B97F4A7C15;
        private const ulong MixMultiplier1 = 0xBF58476D1CE4E5B9;
        private const ulong MixMultiplier2 = 0x94D049BB133111EB;

        // 64 bits from the operating system's cryptographic generator, drawn once; each unseeded fill adds a counter.
        private static readonly ulong s_entropy = DrawEntropy();
        private static long s_unseededFills;

        /// <summary>
        /// The key for a fill's <c>seed</c> and <c>random</c> arguments: from the seed, else from two draws of
        /// <paramref name="random"/>, else fresh. Call only after every other argument has been validated, so a
        /// failed call consumes nothing from the caller's generator.
        /// </summary>
        /// <exception cref="ArgumentException">Both a seed and a generator were given.</exception>
        public static PhiloxKey Resolve(int? seed, Random? random)
        {
            if (seed.HasValue)
            {
                if (random != null)
                {
                    throw new ArgumentException(
                        "Pass either a seed or a Random instance, not both: with both it is unclear which one decides the values.",
                        nameof(random));
                }

                return FromSeed(seed.Value);
            }

            return random != null ? FromRandom(random) : Fresh();
        }

        /// <summary>The key of an <see cref="int"/> seed: SplitMix64 of the sign-extended seed.</summary>
        public static PhiloxKey FromSeed(int seed) => new PhiloxKey(SplitMix64((ulong)(long)seed));

        /// <summary>
        /// The key drawn from a caller's generator: two <see cref="Random.Next()"/> calls (62 bits), mixed by
        /// SplitMix64. A <see cref="Random"/> created with a seed therefore gives reproducible fills, and
        /// successive fills with the same instance differ.
        /// </summary>
        public static PhiloxKey FromRandom(Random random)
        {
            ulong high = (uint)random.Next();
            ulong low = (uint)random.Next();
            return new PhiloxKey(SplitMix64((high << 31) | low));
        }

        /// <summary>An unpredictable key, distinct for every call in the process.</summary>
        public static PhiloxKey Fresh()
        {
            ulong count = (ulong)Interlocked.Increment(ref s_unseededFills);
            return new PhiloxKey(SplitMix64(s_entropy + (count * GoldenGamma)));
        }

        /// <summary>One output of SplitMix64 whose state was <paramref name="state"/>: a bijective 64-bit mix.</summary>
        public static ulong SplitMix64(ulong state)
        {
            ulong z = state + GoldenGamma;
            z = (z ^ (z >> 30)) * MixMultiplier1;
            z = (z ^ (z >> 27)) * MixMultiplier2;
            return z ^ (z >> 31);
        }

        private static ulong DrawEntropy()
        {
            byte[] bytes = new byte[8];
            using (RandomNumberGenerator generator = RandomNumberGenerator.Create())
            {
                generator.GetBytes(bytes);
            }

            return BitConverter.ToUInt64(bytes, 0);
        }
    }
}
