#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static InitAnalyzers.Runtime.StandardVariates;

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// <see cref="StandardVariates"/> on <see cref="Vector{T}"/> and <see cref="Vector512{T}"/> lanes, operation for
    /// operation: each lane's bits equal the scalar result's.
    /// </summary>
    internal static class StandardVariateLanes
    {
        /// <summary><see cref="StandardVariates.SignedUnitSingle(uint)"/> lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> SignedUnitSingle(Vector<uint> word)
        {
            Vector<int> odd = Vector.AsVectorInt32(Vector.ShiftRightLogical(word, 7) | Vector<uint>.One) - new Vector<int>(TwoTo24);
            return Vector.ConvertToSingle(odd) * TwoToMinus24;
        }

        /// <summary><see cref="StandardVariates.SignedUnitDouble(uint, uint)"/> lane by lane, the two words already joined (high word first).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> SignedUnitDouble(Vector<ulong> bits)
        {
            Vector<double> magnitude = UnitFromTop52Bits(bits);
            Vector<ulong> sign = Vector.ShiftLeft(bits, 52) & new Vector<ulong>(SignBit);
            return Vector.AsVectorDouble(Vector.AsVectorUInt64(magnitude) ^ sign);
        }

        /// <summary><see cref="StandardVariates.NormalPair(uint, uint, float, out float, out float)"/> lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void NormalPair(Vector<uint> radiusWord, Vector<uint> angleWord, float scale, out Vector<float> z0, out Vector<float> z1)
        {
            Vector<int> oddRadius = Vector.AsVectorInt32(Vector.ShiftRightLogical(radiusWord, 1) | Vector<uint>.One);
            Vector<float> u = Vector.ConvertToSingle(oddRadius) * TwoToMinus31;
            u = Vector.ConditionalSelect(Vector.LessThan(u, new Vector<float>(LargestBelowOne)), u, new Vector<float>(LargestBelowOne));
            Vector<float> radius = Vector.SquareRoot(new Vector<float>(-2.0f) * ReproducibleMathLanes.Log(u)) * scale;
            Vector<int> oddPosition = Vector.AsVectorInt32((Vector.ShiftRightLogical(angleWord, 5) & new Vector<uint>(0x00FFFFFEu)) | Vector<uint>.One);
            Vector<float> x = Vector.ConvertToSingle(oddPosition) * QuarterPiOverTwoTo24;
            ReproducibleMathLanes.SinCosFirstOctant(x, out Vector<float> sin, out Vector<float> cos);

            Vector<int> swap = Vector.ShiftRightArithmetic(Vector.AsVectorInt32(angleWord), 31);
            Vector<uint> signBit = new Vector<uint>(SignBitSingle);
            Vector<uint> first = Vector.AsVectorUInt32(Vector.ConditionalSelect(swap, sin, cos)) ^ (Vector.ShiftLeft(angleWord, 1) & signBit);
            Vector<uint> second = Vector.AsVectorUInt32(Vector.ConditionalSelect(swap, cos, sin)) ^ (Vector.ShiftLeft(angleWord, 2) & signBit);
            z0 = radius * Vector.AsVectorSingle(first);
            z1 = radius * Vector.AsVectorSingle(second);
        }

        /// <summary>
        /// <see cref="StandardVariates.NormalPairFrom128Bits(uint, uint, uint, uint, out double, out double)"/> lane by
        /// lane, the words already joined: radius bits (w0, w1), angle bits (w2, w3).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void NormalPair(Vector<ulong> radiusBits, Vector<ulong> angleBits, out Vector<double> z0, out Vector<double> z1)
        {
            Vector<double> u = UnitFromTop52Bits(radiusBits);
            Vector<double> t = UnitFromTop52Bits(Vector.ShiftLeft(angleBits, 3));
            Vector<double> radius = Vector.SquareRoot(new Vector<double>(-2.0) * ReproducibleMathLanes.Log(u));
            ReproducibleMathLanes.SinCosFirstOctant(t * ReproducibleMath.QuarterPi, out Vector<double> sin, out Vector<double> cos);

            Vector<long> swap = Vector.ShiftRightArithmetic(Vector.AsVectorInt64(angleBits), 63);
            Vector<ulong> signBit = new Vector<ulong>(SignBit);
            Vector<ulong> first = Vector.AsVectorUInt64(Vector.ConditionalSelect(swap, sin, cos)) ^ (Vector.ShiftLeft(angleBits, 1) & signBit);
            Vector<ulong> second = Vector.AsVectorUInt64(Vector.ConditionalSelect(swap, cos, sin)) ^ (Vector.ShiftLeft(angleBits, 2) & signBit);
            z0 = radius * Vector.AsVectorDouble(first);
            z1 = radius * Vector.AsVectorDouble(second);
        }

        /// <summary>(2k + 1) 2^-53 for k the top 52 bits: 1.k - 1, plus the half step.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> UnitFromTop52Bits(Vector<ulong> bits)
            => Vector.AsVectorDouble(Vector.ShiftRightLogical(bits, 12) | new Vector<ulong>(OneBits)) - Vector<double>.One + new Vector<double>(TwoToMinus53);

        /// <summary><see cref="StandardVariates.SignedUnitSingle(uint)"/> lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> SignedUnitSingle(Vector512<uint> word)
        {
            Vector512<int> odd = (Vector512.ShiftRightLogical(word, 7) | Vector512<uint>.One).AsInt32() - Vector512.Create(TwoTo24);
            return Vector512.ConvertToSingle(odd) * TwoToMinus24;
        }

        /// <summary><see cref="StandardVariates.SignedUnitDouble(uint, uint)"/> lane by lane, the two words already joined (high word first).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> SignedUnitDouble(Vector512<ulong> bits)
        {
            Vector512<double> magnitude = UnitFromTop52Bits(bits);
            Vector512<ulong> sign = Vector512.ShiftLeft(bits, 52) & Vector512.Create(SignBit);
            return (magnitude.AsUInt64() ^ sign).AsDouble();
        }

        /// <summary><see cref="StandardVariates.NormalPair(uint, uint, float, out float, out float)"/> lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void NormalPair(Vector512<uint> radiusWord, Vector512<uint> angleWord, float scale, out Vector512<float> z0, out Vector512<float> z1)
        {
            Vector512<int> oddRadius = (Vector512.ShiftRightLogical(radiusWord, 1) | Vector512<uint>.One).AsInt32();
            Vector512<float> u = Vector512.ConvertToSingle(oddRadius) * TwoToMinus31;
            u = Vector512.ConditionalSelect(Vector512.LessThan(u, Vector512.Create(LargestBelowOne)), u, Vector512.Create(LargestBelowOne));
            Vector512<float> radius = Vector512.Sqrt(Vector512.Create(-2.0f) * ReproducibleMathLanes.Log(u)) * scale;
            Vector512<int> oddPosition = ((Vector512.ShiftRightLogical(angleWord, 5) & Vector512.Create(0x00FFFFFEu)) | Vector512<uint>.One).AsInt32();
            Vector512<float> x = Vector512.ConvertToSingle(oddPosition) * QuarterPiOverTwoTo24;
            ReproducibleMathLanes.SinCosFirstOctant(x, out Vector512<float> sin, out Vector512<float> cos);

            Vector512<float> swap = Vector512.ShiftRightArithmetic(angleWord.AsInt32(), 31).AsSingle();
            Vector512<uint> signBit = Vector512.Create(SignBitSingle);
            Vector512<uint> first = Vector512.ConditionalSelect(swap, sin, cos).AsUInt32() ^ (Vector512.ShiftLeft(angleWord, 1) & signBit);
            Vector512<uint> second = Vector512.ConditionalSelect(swap, cos, sin).AsUInt32() ^ (Vector512.ShiftLeft(angleWord, 2) & signBit);
            z0 = radius * first.AsSingle();
            z1 = radius * second.AsSingle();
        }

        /// <summary>The double <see cref="NormalPair(Vector{ulong}, Vector{ulong}, out Vector{double}, out Vector{double})"/> on 512-bit lanes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void NormalPair(Vector512<ulong> radiusBits, Vector512<ulong> angleBits, out Vector512<double> z0, out Vector512<double> z1)
        {
            Vector512<double> u = UnitFromTop52Bits(radiusBits);
            Vector512<double> t = UnitFromTop52Bits(Vector512.ShiftLeft(angleBits, 3));
            Vector512<double> radius = Vector512.Sqrt(Vector512.Create(-2.0) * ReproducibleMathLanes.Log(u));
            ReproducibleMathLanes.SinCosFirstOctant(t * ReproducibleMath.QuarterPi, out Vector512<double> sin, out Vector512<double> cos);

            Vector512<double> swap = Vector512.ShiftRightArithmetic(angleBits.AsInt64(), 63).AsDouble();
            Vector512<ulong> signBit = Vector512.Create(SignBit);
            Vector512<ulong> first = Vector512.ConditionalSelect(swap, sin, cos).AsUInt64() ^ (Vector512.ShiftLeft(angleBits, 1) & signBit);
            Vector512<ulong> second = Vector512.ConditionalSelect(swap, cos, sin).AsUInt64() ^ (Vector512.ShiftLeft(angleBits, 2) & signBit);
            z0 = radius * first.AsDouble();
            z1 = radius * second.AsDouble();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<double> UnitFromTop52Bits(Vector512<ulong> bits)
            => (Vector512.ShiftRightLogical(bits, 12) | Vector512.Create(OneBits)).AsDouble() - Vector512<double>.One + Vector512.Create(TwoToMinus53);
    }
}
#endif
