using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>
    /// Element i is a pure function of (key, i): a fill split into chunks of any sizes, filled in any order on any
    /// number of threads, holds the same bits as the fill done in one piece.
    /// </summary>
    public class ChunkingTests
    {
        private const int Length = 100_003;

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(7)]
        [InlineData(16)]
        public void Float_normal_chunks_on_any_number_of_threads_give_the_whole_fill(int threads)
            => AssertChunksAgree<float, SingleNormalSampler>(new SingleNormalSampler(0.05), threads);

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(16)]
        public void Float_uniform_chunks_on_any_number_of_threads_give_the_whole_fill(int threads)
            => AssertChunksAgree<float, SingleUniformSampler>(new SingleUniformSampler(0.08), threads);

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(16)]
        public void Double_normal_chunks_on_any_number_of_threads_give_the_whole_fill(int threads)
            => AssertChunksAgree<double, DoubleNormalSampler>(new DoubleNormalSampler(0.05), threads);

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(16)]
        public void Double_uniform_chunks_on_any_number_of_threads_give_the_whole_fill(int threads)
            => AssertChunksAgree<double, DoubleUniformSampler>(new DoubleUniformSampler(0.08), threads);

        [Fact]
        public void Chunks_of_every_size_up_to_two_groups_give_the_whole_fill()
        {
            PhiloxKey key = PhiloxKeys.FromSeed(11);
            var whole = new float[1000];
            BlockFill.Fill(whole.AsSpan(), key, 0, new SingleNormalSampler(1.0));
            for (int chunk = 1; chunk <= 129; chunk++)
            {
                var pieces = new float[whole.Length];
                for (int start = 0; start < pieces.Length; start += chunk)
                {
                    int count = Math.Min(chunk, pieces.Length - start);
                    BlockFill.Fill(pieces.AsSpan(start, count), key, (ulong)start, new SingleNormalSampler(1.0));
                }

                Assert.Equal(whole, pieces);
            }
        }

        private static void AssertChunksAgree<T, TSampler>(TSampler sampler, int threads)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            PhiloxKey key = PhiloxKeys.FromSeed(2026);
            var whole = new T[Length];
            BlockFill.Fill(whole.AsSpan(), key, 0, sampler);

            // Uneven chunk boundaries that fall inside groups, filled in reverse order, concurrently.
            int[] starts = Enumerable.Range(0, threads).Select(t => (int)((long)Length * t / threads) + (t == 0 ? 0 : 13 * t)).ToArray();
            var chunked = new T[Length];
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, reversed =>
            {
                int t = threads - 1 - reversed;
                int start = starts[t];
                int end = t + 1 < threads ? starts[t + 1] : Length;
                BlockFill.Fill(chunked.AsSpan(start, end - start), key, (ulong)start, sampler);
            });

            Assert.True(whole.SequenceEqual(chunked), $"{threads} chunks differ from the whole fill");
        }
    }
}
