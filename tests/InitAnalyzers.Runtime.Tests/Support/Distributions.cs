using System;
using Xunit;

namespace InitAnalyzers.Runtime.Tests.Support
{
    /// <summary>
    /// Statistical checks of a sample against N(0, std^2) or U(-b, b): mean and variance within 5 standard errors,
    /// and a Kolmogorov-Smirnov test at alpha = 0.001.
    /// </summary>
    internal static class Distributions
    {
        /// <summary>Samples per statistical test.</summary>
        public const int SampleSize = 1_000_000;

        /// <summary>Tolerance in standard errors for the mean and the variance.</summary>
        private const double StandardErrors = 5.0;

        /// <summary>Asymptotic Kolmogorov-Smirnov critical value at alpha = 0.001: sqrt(-ln(alpha / 2) / 2).</summary>
        private const double KolmogorovSmirnovCritical = 1.949;

        public static void AssertNormal(double[] samples, double std)
        {
            double sigma2 = std * std;
            AssertMoments(samples, sigma2, fourthMoment: 3 * sigma2 * sigma2);
            AssertKolmogorovSmirnov(samples, x => NormalCdf(x / std));
        }

        public static void AssertUniform(double[] samples, double bound, double largestAllowed)
        {
            double sigma2 = bound * bound / 3;
            AssertMoments(samples, sigma2, fourthMoment: Math.Pow(bound, 4) / 5);

            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (double x in samples)
            {
                min = Math.Min(min, x);
                max = Math.Max(max, x);
            }

            Assert.True(max <= largestAllowed && min >= -largestAllowed, $"values [{min}, {max}] leave [-{largestAllowed}, {largestAllowed}]");
            // With 10^6 samples the expected gap to each bound is 2b / 10^6; 10^-4 b is 50 times that.
            Assert.True(max > bound * (1 - 1e-4), $"max {max} does not reach the bound {bound}");
            Assert.True(min < -bound * (1 - 1e-4), $"min {min} does not reach the bound -{bound}");
            AssertKolmogorovSmirnov(samples, x => Math.Clamp((x + bound) / (2 * bound), 0.0, 1.0));
        }

        public static double[] ToDoubles(float[] values) => Array.ConvertAll(values, v => (double)v);

        private static void AssertMoments(double[] samples, double variance, double fourthMoment)
        {
            int n = samples.Length;
            double sum = 0, sumSquares = 0;
            foreach (double x in samples)
            {
                sum += x;
                sumSquares += x * x;
            }

            double mean = sum / n;
            double meanStandardError = Math.Sqrt(variance / n);
            Assert.True(Math.Abs(mean) <= StandardErrors * meanStandardError, $"mean {mean} is more than 5 SE ({meanStandardError}) from 0");

            // The true mean is 0, so the second moment about 0 estimates the variance with SE sqrt((mu4 - sigma^4) / n).
            double estimate = sumSquares / n;
            double varianceStandardError = Math.Sqrt((fourthMoment - (variance * variance)) / n);
            Assert.True(
                Math.Abs(estimate - variance) <= StandardErrors * varianceStandardError,
                $"variance {estimate} is more than 5 SE ({varianceStandardError}) from {variance}");
        }

        private static void AssertKolmogorovSmirnov(double[] samples, Func<double, double> cdf)
        {
            double[] sorted = (double[])samples.Clone();
            Array.Sort(sorted);
            int n = sorted.Length;
            double d = 0;
            for (int i = 0; i < n; i++)
            {
                double f = cdf(sorted[i]);
                d = Math.Max(d, Math.Max(((i + 1.0) / n) - f, f - ((double)i / n)));
            }

            double critical = KolmogorovSmirnovCritical / Math.Sqrt(n);
            Assert.True(d < critical, $"Kolmogorov-Smirnov D = {d} exceeds the critical value {critical} (alpha = 0.001)");
        }

        /// <summary>Phi(x) = erfc(-x / sqrt 2) / 2.</summary>
        public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2.0));

        /// <summary>
        /// erfc by the Chebyshev fit of Numerical Recipes (Press et al., 2nd ed., section 6.2, erfcc),
        /// fractional error below 1.2e-7 everywhere: far below the KS critical value of 1.9e-3.
        /// </summary>
        public static double Erfc(double x)
        {
            double z = Math.Abs(x);
            double t = 1.0 / (1.0 + (0.5 * z));
            double[] c = { -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277 };
            double polynomial = 0;
            for (int i = c.Length - 1; i >= 0; i--)
            {
                polynomial = c[i] + (t * polynomial);
            }

            double ans = t * Math.Exp((-z * z) + polynomial);
            return x >= 0 ? ans : 2.0 - ans;
        }
    }
}
