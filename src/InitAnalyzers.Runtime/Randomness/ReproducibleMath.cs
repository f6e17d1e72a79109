using System;
using System.Runtime.CompilerServices;

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// The logarithm, sine and cosine that Box-Muller needs, in double and in float, written with +, -, *, / and bit
    /// operations only. <see cref="Math.Log(double)"/>, <see cref="Math.Sin"/> and <see cref="Math.Cos"/> call the
    /// platform's C library and may differ in the last bit between operating systems and CPUs; these do not. No fused
    /// multiply-add is used, so ReproducibleMathLanes (net8.0), which repeats the same operations in the same
    /// order on SIMD lanes, gets the same bits.
    /// </summary>
    internal static class ReproducibleMath
    {
        // fdlibm e_log.c (Sun Microsystems 1993, as in FreeBSD msun and Go's math.Log): ln 2 split so that k*Ln2Hi is exact.
        internal const double Ln2Hi = 6.93147180369123816490e-01; // 0x3FE62E42FEE00000
        internal const double Ln2Lo = 1.90821492927058770002e-10; // 0x3DEA39EF35793C76

        // fdlibm e_log.c: minimax polynomial for log((1+s)/(1-s)) = 2s + s*R(s^2), |error| < 2^-58.45 on [0, 0.1716].
        internal const double Lg1 = 6.666666666666735130e-01; // 0x3FE5555555555593
        internal const double Lg2 = 3.999999999940941908e-01; // 0x3FD999999997FA04
        internal const double Lg3 = 2.857142874366239149e-01; // 0x3FD2492494229359
        internal const double Lg4 = 2.222219843214978396e-01; // 0x3FCC71C51D8E78AF
        internal const double Lg5 = 1.818357216161805012e-01; // 0x3FC7466496CB03DE
        internal const double Lg6 = 1.531383769920937332e-01; // 0x3FC39A09D078C69F
        internal const double Lg7 = 1.479819860511658591e-01; // 0x3FC2F112DF3E5244

        // Mantissa bits of sqrt(2) (0x3FF6A09E667F3BCD): mantissas at or above it are halved so that f = m - 1 is in [sqrt(2)/2 - 1, sqrt(2) - 1).
        internal const long Sqrt2Mantissa = 0x0006A09E667F3BCD;
        internal const long MantissaMask = 0x000FFFFFFFFFFFFF;
        internal const long ExponentOfOne = 0x3FF0000000000000;

        // Cephes sin.c (S. L. Moshier, Cephes Math Library 2.8): sin x = x + x^3 P(x^2) on [0, pi/4], relative error ~1e-16.
        internal const double S0 = 1.58962301576546568060E-10;
        internal const double S1 = -2.50507477628578072866E-8;
        internal const double S2 = 2.75573136213857245213E-6;
        internal const double S3 = -1.98412698295895385996E-4;
        internal const double S4 = 8.33333333332211858878E-3;
        internal const double S5 = -1.66666666666666307295E-1;

        // Cephes sin.c: cos x = 1 - x^2/2 + x^4 Q(x^2) on [0, pi/4].
        internal const double C0 = -1.13585365213876817300E-11;
        internal const double C1 = 2.08757008419747316778E-9;
        internal const double C2 = -2.75573141792967388112E-7;
        internal const double C3 = 2.48015872888517045348E-5;
        internal const double C4 = -1.38888888888730564116E-3;
        internal const double C5 = 4.16666666666665929218E-2;

        // Cephes logf.c (Moshier): ln(1+f) = f - f^2/2 + f^3 P(f) for 1+f in [sqrt(2)/2, sqrt(2)), relative error ~1e-7;
        // ln 2 = LogHeadSingle + LogTailSingle, the head exact in 9 bits so that e * LogHeadSingle is exact.
        internal const float L0 = 3.3333331174E-1f;
        internal const float L1 = -2.4999993993E-1f;
        internal const float L2 = 2.0000714765E-1f;
        internal const float L3 = -1.6668057665E-1f;
        internal const float L4 = 1.4249322787E-1f;
        internal const float L5 = -1.2420140846E-1f;
        internal const float L6 = 1.1676998740E-1f;
        internal const float L7 = -1.1514610310E-1f;
        internal const float L8 = 7.0376836292E-2f;
        internal const float LogHeadSingle = 0.693359375f;
        internal const float LogTailSingle = -2.12194440E-4f;

        // Mantissa bits of sqrt(2) in float (0x3FB504F3); as for double, larger mantissas are halved.
        internal const int Sqrt2MantissaSingle = 0x003504F3;
        internal const int MantissaMaskSingle = 0x007FFFFF;
        internal const int ExponentOfOneSingle = 0x3F800000;

        // Cephes sinf.c (Moshier): sin x = x + x^3 P(x^2), cos x = 1 - x^2/2 + x^4 Q(x^2) on [0, pi/4], error ~1 ulp.
        internal const float SinS0 = -1.9515295891E-4f;
        internal const float SinS1 = 8.3321608736E-3f;
        internal const float SinS2 = -1.6666654611E-1f;
        internal const float CosC0 = 2.443315711809948E-5f;
        internal const float CosC1 = -1.388731625493765E-3f;
        internal const float CosC2 = 4.166664568298827E-2f;

        /// <summary>pi/4 rounded to double (0x3FE921FB54442D18).</summary>
        public const double QuarterPi = 0.78539816339744830962;

        /// <summary>pi/4 rounded to float (0x3F490FDB).</summary>
        public const float QuarterPiSingle = 0.785398163f;

        /// <summary>
        /// The natural logarithm of a positive, normal, finite <paramref name="x"/> (fdlibm's algorithm, error below
        /// one unit in the last place). Zero, subnormals, infinities and NaN are outside its domain; the samplers never
        /// pass them.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Log(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            long mantissa = bits & MantissaMask;
            long halve = mantissa >= Sqrt2Mantissa ? 1 : 0;
            double k = (double)((int)(bits >> 52) - 1023 + (int)halve);

            // m in [sqrt(2)/2, sqrt(2)): the exponent field is set to -1 instead of 0 when the mantissa is large.
            double m = BitConverter.Int64BitsToDouble(mantissa | (ExponentOfOne - (halve << 52)));
            double f = m - 1.0; // exact (Sterbenz)
            double s = f / (2.0 + f);
            double s2 = s * s;
            double s4 = s2 * s2;
            double t1 = s2 * (Lg1 + s4 * (Lg3 + s4 * (Lg5 + s4 * Lg7)));
            double t2 = s4 * (Lg2 + s4 * (Lg4 + s4 * Lg6));
            double r = t1 + t2;
            double halfSquare = 0.5 * f * f;
            return k * Ln2Hi - ((halfSquare - (s * (halfSquare + r) + k * Ln2Lo)) - f);
        }

        /// <summary>
        /// Sine and cosine of <paramref name="x"/> in [0, pi/4] (Cephes polynomials, no range reduction needed).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void SinCosFirstOctant(double x, out double sin, out double cos)
        {
            double z = x * x;
            double sinPolynomial = ((((S0 * z + S1) * z + S2) * z + S3) * z + S4) * z + S5;
            double cosPolynomial = ((((C0 * z + C1) * z + C2) * z + C3) * z + C4) * z + C5;
            sin = x + x * (z * sinPolynomial);
            cos = 1.0 - 0.5 * z + z * z * cosPolynomial;
        }

        /// <summary>
        /// The natural logarithm of a positive, normal, finite float <paramref name="x"/> (Cephes logf: the same range
        /// reduction as <see cref="Log(double)"/>, a degree-8 polynomial, relative error about 1e-7).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Log(float x)
        {
            int bits = SingleToInt32Bits(x);
            int mantissa = bits & MantissaMaskSingle;
            int halve = mantissa >= Sqrt2MantissaSingle ? 1 : 0;
            float e = (bits >> 23) - 127 + halve;
            float f = Int32BitsToSingle(mantissa | (ExponentOfOneSingle - (halve << 23))) - 1.0f; // exact (Sterbenz)
            float z = f * f;
            float polynomial = (((((((((L8 * f) + L7) * f + L6) * f + L5) * f + L4) * f + L3) * f + L2) * f + L1) * f) + L0;
            float y = polynomial * f * z;
            y += LogTailSingle * e;
            y -= 0.5f * z;
            float r = f + y;
            return r + (LogHeadSingle * e);
        }

        /// <summary>Sine and cosine of a float <paramref name="x"/> in [0, pi/4] (Cephes sinf/cosf polynomials).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void SinCosFirstOctant(float x, out float sin, out float cos)
        {
            float z = x * x;
            sin = ((((SinS0 * z) + SinS1) * z + SinS2) * z * x) + x;
            float c = (((CosC0 * z) + CosC1) * z + CosC2) * z * z;
            c -= 0.5f * z;
            cos = c + 1.0f;
        }

        /// <summary>The bits of a float (BitConverter.SingleToInt32Bits is missing from netstandard2.0).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int SingleToInt32Bits(float value)
#if NET8_0_OR_GREATER
            => BitConverter.SingleToInt32Bits(value);
#else
            => Unsafe.As<float, int>(ref value);
#endif

        /// <summary>The float with the given bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Int32BitsToSingle(int value)
#if NET8_0_OR_GREATER
            => BitConverter.Int32BitsToSingle(value);
#else
            => Unsafe.As<int, float>(ref value);
#endif
    }
}
