using System;

namespace InitAnalyzers.Runtime
{
    public static partial class WeightInit
    {
        /// <summary>
        /// One standard normal value N(0, 1) drawn from <paramref name="random"/>, for code that sets one weight at a time:
        /// <c>w[i, j] = WeightInit.StandardNormal(random) * WeightInit.HeStd(fanIn)</c>. Prefer a fill (<see cref="HeNormal(double[], int, Activation, double, int?, Random?)"/>)
        /// for whole arrays: it is many times faster.
        /// </summary>
        /// <remarks>
        /// The Box-Muller transform (Box and Muller 1958) over two <see cref="Random.NextDouble()"/> calls; the same
        /// <see cref="Random"/> state gives the same value.
        /// </remarks>
        /// <param name="random">The source of uniform values; its state advances by two draws.</param>
        /// <returns>A value from the standard normal distribution.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public static double StandardNormal(Random random)
        {
            if (random is null)
            {
                throw new ArgumentNullException(nameof(random), "The random source must not be null.");
            }

            // 1 - u lies in (0, 1], so the logarithm is finite.
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            return radius * Math.Cos(2.0 * Math.PI * random.NextDouble());
        }
    }
}
