using System;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
#else
using System.Buffers;
#endif

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// Walks a destination block by block. Element i (counted in row-major order across the whole span, 2-D array
    /// or jagged array) always gets lane i % n of block i / n, so a span, an array, a 2-D array and a jagged array
    /// of the same length filled with the same key hold the same sequence, and any split of the index range (into
    /// rows, chunks, or later threads and SIMD lanes) gives the same values.
    /// </summary>
    internal static class BlockFill
    {
        // Largest piece handed to the span fill at once; 2^30 elements keeps every int offset in range.
        private const int MaxChunkLength = 1 << 30;

#if !NET8_0_OR_GREATER
        // netstandard2.0 cannot view a 2-D array as a span: values go through a pooled buffer of this many elements.
        private const int BufferLength = 4096;
#endif

        /// <summary>Fills <paramref name="destination"/> with elements <paramref name="firstIndex"/>, firstIndex + 1, ... of the stream.</summary>
        public static void Fill<T, TSampler>(Span<T> destination, PhiloxKey key, ulong firstIndex, TSampler sampler)
            where T : unmanaged
            where TSampler : struct, IBlockSampler<T>
        {
            if (destination.IsEmpty)
            {
                return;
            }

            int perBlock = sampler.ValuesPerBlock;
            ulong block = firstIndex / (ulong)perBlock;
            int lane = (int)(firstIndex % (ulong)perBlock);
            int position = 0;
            uint w0, w1, w2, w3;
            Span<T> partial = stackalloc T[4];

            if (lane != 0)
            {
                // The fill starts inside a block (a jagged row that does not start on a block boundary).
                Philox4x32.Block(key, block, out w0, out w1, out w2, out w3);
                sampler.Sample(w0, w1, w2, w3, partial);
                int count = Math.Min(perBlock - lane, destination.Length);
                partial.Slice(lane, count).CopyTo(destination);
                position = count;
                block++;
            }

            int wholeBlocksEnd = position + ((destination.Length - position) / perBlock * perBlock);
            for (; position < wholeBlocksEnd; position += perBlock, block++)
            {
                Philox4x32.Block(key, block, out w0, out w1, out w2, out w3);
                sampler.Sample(w0, w1, w2, w3, destination.Slice(position, perBlock));
            }

            if (position < destination.Length)
            {
                Philox4x32.Block(key, block, out w0, out w1, out w2, out w3);
                sampler.Sample(w0, w1, w2, w3, partial);
                partial.Slice(0, destination.Length - position).CopyTo(destination.Slice(position));
            }
        }

        /// <summary>Fills a 2-D array in row-major order, element [r, c] getting stream index r * columns + c.</summary>
        public static void Fill<T, TSampler>(T[,] destination, PhiloxKey key, TSampler sampler)
            where T : unmanaged
            where TSampler : struct, IBlockSampler<T>
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
            where TSampler : struct, IBlockSampler<T>
        {
            ulong offset = 0;
            foreach (T[] row in destination)
            {
                Fill(row.AsSpan(), key, offset, sampler);
                offset += (ulong)row.Length;
            }
        }
    }
}
