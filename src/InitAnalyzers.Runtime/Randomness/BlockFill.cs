using System;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#else
using System.Buffers;
#endif

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// Walks a destination group by group. A group is 16 consecutive Philox blocks, numbered from 0 for each key;
    /// group g yields weights g * n .. g * n + n - 1 (n = 64 for float, 32 for double), and inside it weight
    /// r * 16 + j comes from block 16 g + j (see <see cref="IGroupSampler{T}"/>). Element i (counted in row-major order
    /// across the whole span, 2-D array or jagged array) is therefore a pure function of (key, i): a span, an array, a
    /// 2-D array and a jagged array of one length filled with one key hold the same sequence, and any split of the
    /// index range (rows, chunks, threads) and any SIMD width gives the same values.
    /// </summary>
    internal static class BlockFill
    {
        /// <summary>Philox blocks per group: the lanes of the widest vector (512 bits of 32-bit words), a multiple of every narrower one.</summary>
        public const int BlocksPerGroup = 16;

        // Largest piece handed to the span fill at once; 2^30 elements keeps every int offset in range.
        private const int MaxChunkLength = 1 << 30;

        /// <summary>
        /// The widest lanes this machine runs fast: AVX-512 (one group per step) where the runtime accelerates
        /// Vector512 beyond Vector&lt;T&gt;, else Vector&lt;T&gt; (4, 8 or 16 lanes; all divide a group), else scalar.
        /// </summary>
        public static LaneWidth FastestLanes { get; } = ChooseLanes();

#if !NET8_0_OR_GREATER
        // netstandard2.0 cannot view a 2-D array as a span: values go through a pooled buffer of this many elements (whole groups).
        private const int BufferLength = 4096;
#endif

        /// <summary>Fills <paramref name="destination"/> with elements <paramref name="firstIndex"/>, firstIndex + 1, ... of the stream.</summary>
        public static void Fill<T, TSampler>(Span<T> destination, PhiloxKey key, ulong firstIndex, TSampler sampler)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
            => Fill(destination, key, firstIndex, sampler, FastestLanes);

        /// <summary>
        /// Fills <paramref name="destination"/> with elements <paramref name="firstIndex"/>, firstIndex + 1, ... of the
        /// stream, computing blocks on lanes of the given width (the same bits whatever the width; tests compare them).
        /// </summary>
        public static void Fill<T, TSampler>(Span<T> destination, PhiloxKey key, ulong firstIndex, TSampler sampler, LaneWidth lanes)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            if (destination.IsEmpty)
            {
                return;
            }

            int perGroup = sampler.ValuesPerGroup;
            ulong group = firstIndex / (ulong)perGroup;
            int offset = (int)(firstIndex % (ulong)perGroup);
            int position = 0;
            Span<T> partial = stackalloc T[4 * BlocksPerGroup];
            partial = partial.Slice(0, perGroup);

            if (offset != 0)
            {
                // The fill starts inside a group (a chunk or a jagged row that does not start on a group boundary).
                SampleGroup(partial, key, group, sampler, lanes);
                int count = Math.Min(perGroup - offset, destination.Length);
                partial.Slice(offset, count).CopyTo(destination);
                position = count;
                group++;
            }

            for (; destination.Length - position >= perGroup; position += perGroup, group++)
            {
                SampleGroup(destination.Slice(position, perGroup), key, group, sampler, lanes);
            }

            if (position < destination.Length)
            {
                SampleGroup(partial, key, group, sampler, lanes);
                partial.Slice(0, destination.Length - position).CopyTo(destination.Slice(position));
            }
        }

        /// <summary>Writes the <see cref="IGroupSampler{T}.ValuesPerGroup"/> weights of group <paramref name="group"/>.</summary>
        private static void SampleGroup<T, TSampler>(Span<T> destination, PhiloxKey key, ulong group, TSampler sampler, LaneWidth lanes)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            ulong firstBlock = group * BlocksPerGroup;
#if NET8_0_OR_GREATER
            if (lanes == LaneWidth.Vector512)
            {
                SampleGroupOn512BitLanes(destination, key, firstBlock, sampler);
                return;
            }

            if (lanes == LaneWidth.Vector)
            {
                SampleGroupOnVectorLanes(destination, key, firstBlock, sampler);
                return;
            }
#endif
            for (int lane = 0; lane < BlocksPerGroup; lane++)
            {
                Philox4x32.Block(key, firstBlock + (ulong)lane, out uint w0, out uint w1, out uint w2, out uint w3);
                sampler.Sample(w0, w1, w2, w3, destination, lane);
            }
        }

#if NET8_0_OR_GREATER
        // Each width in a method of its own, so that the JIT inlines the whole sampler into each.
        private static void SampleGroupOnVectorLanes<T, TSampler>(Span<T> destination, PhiloxKey key, ulong firstBlock, TSampler sampler)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            Vector<uint> laneIndices = Philox4x32Lanes.LaneIndices;
            for (int lane = 0; lane < BlocksPerGroup; lane += Vector<uint>.Count)
            {
                Philox4x32Lanes.Blocks(key, firstBlock + (ulong)lane, laneIndices, out Vector<uint> w0, out Vector<uint> w1, out Vector<uint> w2, out Vector<uint> w3);
                sampler.Sample(w0, w1, w2, w3, destination, lane);
            }
        }

        private static void SampleGroupOn512BitLanes<T, TSampler>(Span<T> destination, PhiloxKey key, ulong firstBlock, TSampler sampler)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            Philox4x32Lanes.Blocks(key, firstBlock, out Vector512<uint> w0, out Vector512<uint> w1, out Vector512<uint> w2, out Vector512<uint> w3);
            sampler.Sample(w0, w1, w2, w3, destination);
        }
#endif

        private static LaneWidth ChooseLanes()
        {
#if NET8_0_OR_GREATER
            if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Vector<byte>.Count < Vector512<byte>.Count)
            {
                return LaneWidth.Vector512;
            }

            if (Vector.IsHardwareAccelerated && BlocksPerGroup % Vector<uint>.Count == 0)
            {
                return LaneWidth.Vector;
            }
#endif
            return LaneWidth.Scalar;
        }

        /// <summary>Fills a 2-D array in row-major order, element [r, c] getting stream index r * columns + c.</summary>
        public static void Fill<T, TSampler>(T[,] destination, PhiloxKey key, TSampler sampler)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            long total = destination.LongLength;
#if NET8_0_OR_GREATER
            ref T first = ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(destination));
            for (long start = 0; start < total; start += MaxChunkLength)
            {
                int count = (int)Math.Min(MaxChunkLength, total - start);
                Span<T> chunk = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref first, (nint)start), count);
                Fill(chunk, key, (ulong)start, sampler);
            }
#else
            if (total == 0)
            {
                return;
            }

            int elementSize = Unsafe.SizeOf<T>();
            bool byteOffsetsFitInt = total <= int.MaxValue / elementSize;
            int columns = destination.GetLength(1);
            int rowBase = destination.GetLowerBound(0);
            int columnBase = destination.GetLowerBound(1);
            T[] buffer = ArrayPool<T>.Shared.Rent((int)Math.Min(BufferLength, total));
            try
            {
                for (long start = 0; start < total; start += BufferLength)
                {
                    int count = (int)Math.Min(BufferLength, total - start);
                    Fill(buffer.AsSpan(0, count), key, (ulong)start, sampler);
                    if (byteOffsetsFitInt)
                    {
                        Buffer.BlockCopy(buffer, 0, destination, (int)start * elementSize, count * elementSize);
                    }
                    else
                    {
                        for (int i = 0; i < count; i++)
                        {
                            long index = start + i;
                            destination[rowBase + (int)(index / columns), columnBase + (int)(index % columns)] = buffer[i];
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<T>.Shared.Return(buffer);
            }
#endif
        }

        /// <summary>
        /// Fills a jagged array row by row; row r continues the stream where row r - 1 stopped, so the rows
        /// concatenated hold the same sequence as one span of their total length. Every row must be non-null.
        /// </summary>
        public static void Fill<T, TSampler>(T[][] destination, PhiloxKey key, TSampler sampler)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            ulong offset = 0;
            foreach (T[] row in destination)
            {
                Fill(row.AsSpan(), key, offset, sampler);
                offset += (ulong)row.Length;
            }
        }
    }

    /// <summary>How many Philox blocks a fill computes at once; every width gives the same bits.</summary>
    internal enum LaneWidth
    {
        /// <summary>One block at a time: netstandard2.0, or no SIMD.</summary>
        Scalar,

        /// <summary>Vector&lt;uint&gt;.Count blocks: 4 (SSE, Arm64 AdvSimd), 8 (AVX2) or 16.</summary>
        Vector,

        /// <summary>16 blocks in 512-bit lanes (AVX-512F).</summary>
        Vector512,
    }
}
