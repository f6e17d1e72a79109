#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static InitAnalyzers.Runtime.ReproducibleMath;

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// <see cref="ReproducibleMath"/> on <see cref="Vector{T}"/> and <see cref="Vector512{T}"/> lanes: every lane performs the scalar function's
    /// operations in the same order with the same roundings, so each lane's bits equal the scalar result's. Branches
    /// become masks; integer-to-float conversions of small integers use exact bit tricks where SIMD has no instruction.
    /// </summary>
    internal static class ReproducibleMathLanes
    {
        // 2^52 + n for 0 <= n < 2^52 has the bits 0x4330000000000000 + n: subtracting 2^52 + 1023 converts an exponent
        // field n to the double n - 1023 exactly, as the scalar (double)(int) conversion does.
        private const long TwoTo52Bits = 0x4330000000000000;
        private const double TwoTo52PlusBias = 4503599627371519.0; // 2^52 + 1023

        /// <summary><see cref="ReproducibleMath.Log(double)"/> lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Log(Vector<double> x)
        {
            Vector<long> bits = Vector.AsVectorInt64(x);
            Vector<long> mantissa = bits & new Vector<long>(MantissaMask);
            Vector<long> halveMask = Vector.GreaterThanOrEqual(mantissa, new Vector<long>(Sqrt2Mantissa)); // -1 where the scalar halves
            Vector<long> exponentField = Vector.ShiftRightLogical(bits, 52) - halveMask;
            Vector<double> k = Vector.AsVectorDouble(exponentField | new Vector<long>(TwoTo52Bits)) - new Vector<double>(TwoTo52PlusBias);

            Vector<double> m = Vector.AsVectorDouble(mantissa | (new Vector<long>(ExponentOfOne) + Vector.ShiftLeft(halveMask, 52)));
            Vector<double> f = m - Vector<double>.One;
            Vector<double> s = f / (new Vector<double>(2.0) + f);
            Vector<double> s2 = s * s;
            Vector<double> s4 = s2 * s2;
            Vector<double> t1 = s2 * (new Vector<double>(Lg1) + s4 * (new Vector<double>(Lg3) + s4 * (new Vector<double>(Lg5) + s4 * Lg7)));
            Vector<double> t2 = s4 * (new Vector<double>(Lg2) + s4 * (new Vector<double>(Lg4) + s4 * Lg6));
            Vector<double> r = t1 + t2;
            Vector<double> halfSquare = new Vector<double>(0.5) * f * f;
            return k * Ln2Hi - ((halfSquare - (s * (halfSquare + r) + k * Ln2Lo)) - f);
        }

        /// <summary><see cref="ReproducibleMath.SinCosFirstOctant(double, out double, out double)"/> lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void SinCosFirstOctant(Vector<double> x, out Vector<double> sin, out Vector<double> cos)
        {
            Vector<double> z = x * x;
            Vector<double> sinPolynomial = ((((new Vector<double>(S0) * z + new Vector<double>(S1)) * z + new Vector<double>(S2)) * z + new Vector<double>(S3)) * z + new Vector<double>(S4)) * z + new Vector<double>(S5);
            Vector<double> cosPolynomial = ((((new Vector<double>(C0) * z + new Vector<double>(C1)) * z + new Vector<double>(C2)) * z + new Vector<double>(C3)) * z + new Vector<double>(C4)) * z + new Vector<double>(C5);
            sin = x + x * (z * sinPolynomial);
            cos = Vector<double>.One - new Vector<double>(0.5) * z + z * z * cosPolynomial;
        }

        /// <summary><see cref="ReproducibleMath.Log(float)"/> lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Log(Vector<float> x)
        {
            Vector<int> bits = Vector.AsVectorInt32(x);
            Vector<int> mantissa = bits & new Vector<int>(MantissaMaskSingle);
            Vector<int> halveMask = Vector.GreaterThanOrEqual(mantissa, new Vector<int>(Sqrt2MantissaSingle));
            Vector<float> e = Vector.ConvertToSingle(Vector.ShiftRightArithmetic(bits, 23) - new Vector<int>(127) - halveMask);
            Vector<float> f = Vector.AsVectorSingle(mantissa | (new Vector<int>(ExponentOfOneSingle) + Vector.ShiftLeft(halveMask, 23))) - Vector<float>.One;
            Vector<float> z = f * f;
            Vector<float> polynomial = (((((((((new Vector<float>(L8) * f) + new Vector<float>(L7)) * f + new Vector<float>(L6)) * f + new Vector<float>(L5)) * f + new Vector<float>(L4)) * f + new Vector<float>(L3)) * f + new Vector<float>(L2)) * f + new Vector<float>(L1)) * f) + new Vector<float>(L0);
            Vector<float> y = polynomial * f * z;
            y += new Vector<float>(LogTailSingle) * e;
            y -= new Vector<float>(0.5f) * z;
            Vector<float> r = f + y;
            return r + (new Vector<float>(LogHeadSingle) * e);
        }

        /// <summary><see cref="ReproducibleMath.SinCosFirstOctant(float, out float, out float)"/> lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void SinCosFirstOctant(Vector<float> x, out Vector<float> sin, out Vector<float> cos)
        {
            Vector<float> z = x * x;
            sin = ((((new Vector<float>(SinS0) * z) + new Vector<float>(SinS1)) * z + new Vector<float>(SinS2)) * z * x) + x;
            Vector<float> c = (((new Vector<float>(CosC0) * z) + new Vector<float>(CosC1)) * z + new Vector<float>(CosC2)) * z * z;
            c -= new Vector<float>(0.5f) * z;
            cos = c + Vector<float>.One;
        }

        /// <summary><see cref="ReproducibleMath.Log(double)"/> lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Log(Vector512<double> x)
        {
            Vector512<long> bits = x.AsInt64();
            Vector512<long> mantissa = bits & Vector512.Create(MantissaMask);
            Vector512<long> halveMask = Vector512.GreaterThanOrEqual(mantissa, Vector512.Create(Sqrt2Mantissa));
            Vector512<long> exponentField = Vector512.ShiftRightLogical(bits, 52) - halveMask;
            Vector512<double> k = (exponentField | Vector512.Create(TwoTo52Bits)).AsDouble() - Vector512.Create(TwoTo52PlusBias);

            Vector512<double> m = (mantissa | (Vector512.Create(ExponentOfOne) + Vector512.ShiftLeft(halveMask, 52))).AsDouble();
            Vector512<double> f = m - Vector512<double>.One;
            Vector512<double> s = f / (Vector512.Create(2.0) + f);
            Vector512<double> s2 = s * s;
            Vector512<double> s4 = s2 * s2;
            Vector512<double> t1 = s2 * (Vector512.Create(Lg1) + s4 * (Vector512.Create(Lg3) + s4 * (Vector512.Create(Lg5) + s4 * Lg7)));
            Vector512<double> t2 = s4 * (Vector512.Create(Lg2) + s4 * (Vector512.Create(Lg4) + s4 * Lg6));
            Vector512<double> r = t1 + t2;
            Vector512<double> halfSquare = Vector512.Create(0.5) * f * f;
            return k * Ln2Hi - ((halfSquare - (s * (halfSquare + r) + k * Ln2Lo)) - f);
        }

        /// <summary><see cref="ReproducibleMath.SinCosFirstOctant(double, out double, out double)"/> lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void SinCosFirstOctant(Vector512<double> x, out Vector512<double> sin, out Vector512<double> cos)
        {
            Vector512<double> z = x * x;
            Vector512<double> sinPolynomial = ((((Vector512.Create(S0) * z + Vector512.Create(S1)) * z + Vector512.Create(S2)) * z + Vector512.Create(S3)) * z + Vector512.Create(S4)) * z + Vector512.Create(S5);
            Vector512<double> cosPolynomial = ((((Vector512.Create(C0) * z + Vector512.Create(C1)) * z + Vector512.Create(C2)) * z + Vector512.Create(C3)) * z + Vector512.Create(C4)) * z + Vector512.Create(C5);
            sin = x + x * (z * sinPolynomial);
            cos = Vector512<double>.One - Vector512.Create(0.5) * z + z * z * cosPolynomial;
        }

        /// <summary><see cref="ReproducibleMath.Log(float)"/> lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Log(Vector512<float> x)
        {
            Vector512<int> bits = x.AsInt32();
            Vector512<int> mantissa = bits & Vector512.Create(MantissaMaskSingle);
            Vector512<int> halveMask = Vector512.GreaterThanOrEqual(mantissa, Vector512.Create(Sqrt2MantissaSingle));
            Vector512<float> e = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(bits, 23) - Vector512.Create(127) - halveMask);
            Vector512<float> f = (mantissa | (Vector512.Create(ExponentOfOneSingle) + Vector512.ShiftLeft(halveMask, 23))).AsSingle() - Vector512<float>.One;
            Vector512<float> z = f * f;
            Vector512<float> polynomial = (((((((((Vector512.Create(L8) * f) + Vector512.Create(L7)) * f + Vector512.Create(L6)) * f + Vector512.Create(L5)) * f + Vector512.Create(L4)) * f + Vector512.Create(L3)) * f + Vector512.Create(L2)) * f + Vector512.Create(L1)) * f) + Vector512.Create(L0);
            Vector512<float> y = polynomial * f * z;
            y += Vector512.Create(LogTailSingle) * e;
            y -= Vector512.Create(0.5f) * z;
            Vector512<float> r = f + y;
            return r + (Vector512.Create(LogHeadSingle) * e);
        }

        /// <summary><see cref="ReproducibleMath.SinCosFirstOctant(float, out float, out float)"/> lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void SinCosFirstOctant(Vector512<float> x, out Vector512<float> sin, out Vector512<float> cos)
        {
            Vector512<float> z = x * x;
            sin = ((((Vector512.Create(SinS0) * z) + Vector512.Create(SinS1)) * z + Vector512.Create(SinS2)) * z * x) + x;
            Vector512<float> c = (((Vector512.Create(CosC0) * z) + Vector512.Create(CosC1)) * z + Vector512.Create(CosC2)) * z * z;
            c -= Vector512.Create(0.5f) * z;
            cos = c + Vector512<float>.One;
        }
    }
}
#endif
