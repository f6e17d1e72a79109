using System;
using System.Globalization;

namespace InitAnalyzers.Runtime
{
    // Orthogonal fills: Saxe, McClelland and Ganguli 2013, the usual choice for recurrent (hidden-to-hidden) weights.
    public static partial class WeightInit
    {
        // |Q[i, j]| <= 1 up to rounding; the margin keeps gain * Q finite after rounding too.
        private const double LargestOrthogonalEntry = 1.001;

        /// <summary>
        /// Fills a span of double, read as a <paramref name="rows"/> x <paramref name="columns"/> row-major matrix, with a
        /// random orthogonal matrix times <paramref name="gain"/>: rows orthonormal when rows &lt;= columns, columns
        /// orthonormal when rows &gt;= columns (W W^T = gain^2 I or W^T W = gain^2 I), from Saxe, McClelland and Ganguli
        /// 2013, "Exact solutions to the nonlinear dynamics of learning in deep linear neural networks".
        /// </summary>
        /// <remarks>
        /// The matrix is the Q factor of the QR decomposition (Householder, in double) of a matrix of standard normal
        /// values (transposed when rows &lt; columns), with the signs of its columns set by diag(R), as in
        /// torch.nn.init.orthogonal_; it is uniformly distributed among orthogonal matrices. An orthogonal matrix keeps
        /// the norm of every vector it multiplies, so a recurrent network's state neither vanishes nor explodes through
        /// the recurrent weights at initialization. Costs O(max(rows, columns) * min(rows, columns)^2) time and two
        /// matrices of doubles of workspace. The float overloads give the double result rounded to float.
        /// </remarks>
        /// <param name="weights">The weights to fill, rows * columns elements in row-major order.</param>
        /// <param name="rows">The number of rows (for a layer stored [out, in]: its output size).</param>
        /// <param name="columns">The number of columns.</param>
        /// <param name="gain">The factor applied to the orthogonal matrix (default 1; see <see cref="Gain(Activation, double)"/>).</param>
        /// <param name="seed">A seed: the same seed gives the same matrix on every run and machine. Leave null (with <paramref name="random"/> null too) for an unpredictable matrix.</param>
        /// <param name="random">A generator to draw the key of the stream from (two <see cref="Random.Next()"/> calls); must be null if <paramref name="seed"/> is given.</param>
        /// <returns>The same span, filled.</returns>
        /// <exception cref="ArgumentException"><paramref name="weights"/> is empty or does not hold rows * columns elements, or both <paramref name="seed"/> and <paramref name="random"/> are given.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> or <paramref name="columns"/> is not positive, or <paramref name="gain"/> is not a positive finite number or would overflow the element type.</exception>
        /// <example><code>WeightInit.Orthogonal(hiddenToHidden.AsSpan(), rows: 128, columns: 128, seed: 3);</code></example>
        public static Span<double> Orthogonal(Span<double> weights, int rows, int columns, double gain = 1.0, int? seed = null, Random? random = null)
        {
            RequireOrthogonalShape(weights.Length, rows, columns);
            OrthogonalValues(rows, columns, gain, double.MaxValue, seed, random).CopyTo(weights);
            return weights;
        }

        /// <summary>
        /// Fills a double array, read as a <paramref name="rows"/> x <paramref name="columns"/> row-major matrix, with a
        /// random orthogonal matrix times <paramref name="gain"/> (Saxe et al. 2013).
        /// </summary>
        /// <inheritdoc cref="Orthogonal(Span{double}, int, int, double, int?, Random?)"/>
        /// <returns>The same array, filled.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        public static double[] Orthogonal(double[] weights, int rows, int columns, double gain = 1.0, int? seed = null, Random? random = null)
        {
            RequireWeights(weights);
            Orthogonal(weights.AsSpan(), rows, columns, gain, seed, random);
            return weights;
        }

        /// <summary>
        /// Fills a 2-D double array with a random orthogonal matrix times <paramref name="gain"/>: rows orthonormal when
        /// it is wide, columns orthonormal when it is tall (Saxe et al. 2013).
        /// </summary>
        /// <inheritdoc cref="Orthogonal(Span{double}, int, int, double, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        /// <example><code>double[,] recurrent = WeightInit.Orthogonal(new double[128, 128], seed: 3);</code></example>
        public static double[,] Orthogonal(double[,] weights, double gain = 1.0, int? seed = null, Random? random = null)
        {
            RequireWeights(weights);
            int rows = weights.GetLength(0);
            int columns = weights.GetLength(1);
            RequireOrthogonalShape(weights.Length, rows, columns);
            double[] values = OrthogonalValues(rows, columns, gain, double.MaxValue, seed, random);
            Buffer.BlockCopy(values, 0, weights, 0, values.Length * sizeof(double));
            return weights;
        }

        /// <summary>
        /// Fills a jagged double array, whose rows must all have the same length, with a random orthogonal matrix times
        /// <paramref name="gain"/> (Saxe et al. 2013).
        /// </summary>
        /// <inheritdoc cref="Orthogonal(Span{double}, int, int, double, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        public static double[][] Orthogonal(double[][] weights, double gain = 1.0, int? seed = null, Random? random = null)
        {
            int columns = RequireRectangular(weights);
            double[] values = OrthogonalValues(weights.Length, columns, gain, double.MaxValue, seed, random);
            for (int r = 0; r < weights.Length; r++)
            {
                values.AsSpan(r * columns, columns).CopyTo(weights[r]);
            }

            return weights;
        }

        /// <summary>
        /// Fills a span of float, read as a <paramref name="rows"/> x <paramref name="columns"/> row-major matrix, with a
        /// random orthogonal matrix times <paramref name="gain"/> (Saxe et al. 2013), computed in double and rounded.
        /// </summary>
        /// <inheritdoc cref="Orthogonal(Span{double}, int, int, double, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<float> Orthogonal(Span<float> weights, int rows, int columns, double gain = 1.0, int? seed = null, Random? random = null)
        {
            RequireOrthogonalShape(weights.Length, rows, columns);
            double[] values = OrthogonalValues(rows, columns, gain, float.MaxValue, seed, random);
            for (int i = 0; i < values.Length; i++)
            {
                weights[i] = (float)values[i];
            }

            return weights;
        }

        /// <summary>
        /// Fills a float array, read as a <paramref name="rows"/> x <paramref name="columns"/> row-major matrix, with a
        /// random orthogonal matrix times <paramref name="gain"/> (Saxe et al. 2013), computed in double and rounded.
        /// </summary>
        /// <inheritdoc cref="Orthogonal(Span{double}, int, int, double, int?, Random?)"/>
        /// <returns>The same array, filled.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        public static float[] Orthogonal(float[] weights, int rows, int columns, double gain = 1.0, int? seed = null, Random? random = null)
        {
            RequireWeights(weights);
            Orthogonal(weights.AsSpan(), rows, columns, gain, seed, random);
            return weights;
        }

        /// <summary>
        /// Fills a 2-D float array with a random orthogonal matrix times <paramref name="gain"/> (Saxe et al. 2013),
        /// computed in double and rounded.
        /// </summary>
        /// <inheritdoc cref="Orthogonal(Span{double}, int, int, double, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        public static float[,] Orthogonal(float[,] weights, double gain = 1.0, int? seed = null, Random? random = null)
        {
            RequireWeights(weights);
            int rows = weights.GetLength(0);
            int columns = weights.GetLength(1);
            RequireOrthogonalShape(weights.Length, rows, columns);
            double[] values = OrthogonalValues(rows, columns, gain, float.MaxValue, seed, random);
            float[] rounded = new float[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                rounded[i] = (float)values[i];
            }

            Buffer.BlockCopy(rounded, 0, weights, 0, rounded.Length * sizeof(float));
            return weights;
        }

        /// <summary>
        /// Fills a jagged float array, whose rows must all have the same length, with a random orthogonal matrix times
        /// <paramref name="gain"/> (Saxe et al. 2013), computed in double and rounded.
        /// </summary>
        /// <inheritdoc cref="Orthogonal(Span{double}, int, int, double, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        public static float[][] Orthogonal(float[][] weights, double gain = 1.0, int? seed = null, Random? random = null)
        {
            int columns = RequireRectangular(weights);
            double[] values = OrthogonalValues(weights.Length, columns, gain, float.MaxValue, seed, random);
            for (int r = 0; r < weights.Length; r++)
            {
                float[] row = weights[r];
                for (int c = 0; c < columns; c++)
                {
                    row[c] = (float)values[(r * columns) + c];
                }
            }

            return weights;
        }

        /// <summary>The row-major orthogonal matrix times gain, after the gain is validated and the key resolved.</summary>
        private static double[] OrthogonalValues(int rows, int columns, double gain, double largestValue, int? seed, Random? random)
        {
            RequireGain(gain);
            RequireRepresentable(gain * LargestOrthogonalEntry, largestValue, gain);
            double[] values = OrthogonalMatrix.Sample(rows, columns, PhiloxKeys.Resolve(seed, random));
            for (int i = 0; i < values.Length; i++)
            {
                values[i] *= gain;
            }

            return values;
        }

        /// <summary>Checks a jagged array for Orthogonal: non-null, at least one row, no null row, all rows of one non-zero length.</summary>
        /// <returns>The number of columns.</returns>
        private static int RequireRectangular<T>(T[][] weights)
        {
            RequireRows(weights);
            if (weights.Length == 0 || weights[0].Length == 0)
            {
                throw new ArgumentException("An orthogonal matrix needs at least one element; the weights are empty.", nameof(weights));
            }

            int columns = weights[0].Length;
            for (int r = 1; r < weights.Length; r++)
            {
                if (weights[r].Length != columns)
                {
                    throw new ArgumentException(
                        string.Format(CultureInfo.InvariantCulture, "Row {0} of the jagged weights array has {1} elements but row 0 has {2}; an orthogonal matrix needs rows of one length.", r, weights[r].Length, columns),
                        nameof(weights));
                }
            }

            return columns;
        }
    }
}
