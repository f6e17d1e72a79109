using System;

namespace InitAnalyzers.Runtime
{
    // LeCun fills: LeCun, Bottou, Orr and Mueller 1998, "Efficient BackProp", for SELU and linear or sigmoid layers.
    public static partial class WeightInit
    {
        /// <summary>
        /// Fills a span of double with LeCun normal values N(0, std^2), std = sqrt(1 / fanIn), from LeCun, Bottou, Orr
        /// and Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunNormal(double[], int, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<double> LeCunNormal(Span<double> weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleNormalSampler(LeCunStd(fanIn)), seed, random);

        /// <summary>
        /// Fills a double array with LeCun normal values N(0, std^2), std = sqrt(1 / fanIn), from LeCun, Bottou, Orr and
        /// Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <remarks>
        /// The initialization self-normalizing networks need before SELU (Klambauer et al. 2017), and a good choice for
        /// sigmoid or linear layers: Var(w) = 1 / fanIn keeps the variance of a linear layer's output equal to that of
        /// its input. Equivalent to torch.nn.init.kaiming_normal_(w, nonlinearity='linear') and Keras' lecun_normal
        /// without truncation.
        /// </remarks>
        /// <param name="weights">The weights to fill: a span, an array, a 2-D array (row-major) or a jagged array (row by row, rows may differ in length). Element i in row-major order always gets the same value for the same seed, whatever the shape.</param>
        /// <param name="fanIn">The number of inputs of each output unit: the input size of a dense layer (the dimension multiplied with the input vector), input channels * kernel size for a convolution.</param>
        /// <param name="seed">A seed: the same seed gives the same values on every run and machine. Leave null (with <paramref name="random"/> null too) for unpredictable values.</param>
        /// <param name="random">A generator to draw the key of the stream from (two <see cref="Random.Next()"/> calls), e.g. <c>new Random(42)</c> for reproducible values that still differ from one fill to the next. Must be null if <paramref name="seed"/> is given.</param>
        /// <returns>The same array, filled, so that a field initializer can allocate and fill in one expression.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive.</exception>
        /// <exception cref="ArgumentException">Both <paramref name="seed"/> and <paramref name="random"/> are given, or a row of a jagged array is null.</exception>
        /// <example><code>weights = WeightInit.LeCunNormal(new double[nIn, nOut], fanIn: nIn); // before SELU</code></example>
        public static double[] LeCunNormal(double[] weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleNormalSampler(LeCunStd(fanIn)), seed, random);

        /// <summary>
        /// Fills a 2-D double array, in row-major order, with LeCun normal values N(0, std^2), std = sqrt(1 / fanIn),
        /// from LeCun, Bottou, Orr and Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunNormal(double[], int, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        public static double[,] LeCunNormal(double[,] weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleNormalSampler(LeCunStd(fanIn)), seed, random);

        /// <summary>
        /// Fills a jagged double array, row by row, with LeCun normal values N(0, std^2), std = sqrt(1 / fanIn), from
        /// LeCun, Bottou, Orr and Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunNormal(double[], int, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        public static double[][] LeCunNormal(double[][] weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleNormalSampler(LeCunStd(fanIn)), seed, random);

        /// <summary>
        /// Fills a span of float with LeCun normal values N(0, std^2), std = sqrt(1 / fanIn), from LeCun, Bottou, Orr and
        /// Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunNormal(double[], int, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<float> LeCunNormal(Span<float> weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new SingleNormalSampler(LeCunStd(fanIn)), seed, random);

        /// <summary>
        /// Fills a float array with LeCun normal values N(0, std^2), std = sqrt(1 / fanIn), from LeCun, Bottou, Orr and
        /// Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunNormal(double[], int, int?, Random?)"/>
        /// <returns>The same array, filled.</returns>
        public static float[] LeCunNormal(float[] weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new SingleNormalSampler(LeCunStd(fanIn)), seed, random);

        /// <summary>
        /// Fills a 2-D float array, in row-major order, with LeCun normal values N(0, std^2), std = sqrt(1 / fanIn), from
        /// LeCun, Bottou, Orr and Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunNormal(double[], int, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        public static float[,] LeCunNormal(float[,] weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new SingleNormalSampler(LeCunStd(fanIn)), seed, random);

        /// <summary>
        /// Fills a jagged float array, row by row, with LeCun normal values N(0, std^2), std = sqrt(1 / fanIn), from
        /// LeCun, Bottou, Orr and Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunNormal(double[], int, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        public static float[][] LeCunNormal(float[][] weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new SingleNormalSampler(LeCunStd(fanIn)), seed, random);

        /// <summary>
        /// Fills a span of double with LeCun uniform values U(-b, b), b = sqrt(3 / fanIn), from LeCun, Bottou, Orr and
        /// Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunUniform(double[], int, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<double> LeCunUniform(Span<double> weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleUniformSampler(LeCunBound(fanIn)), seed, random);

        /// <summary>
        /// Fills a double array with LeCun uniform values U(-b, b), b = sqrt(3 / fanIn), from LeCun, Bottou, Orr and
        /// Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <remarks>
        /// The uniform distribution with the variance of LeCun normal, 1 / fanIn. Equivalent to Keras' lecun_uniform.
        /// Values lie strictly inside (-b, b) and are never exactly 0.
        /// </remarks>
        /// <param name="weights">The weights to fill: a span, an array, a 2-D array (row-major) or a jagged array (row by row, rows may differ in length). Element i in row-major order always gets the same value for the same seed, whatever the shape.</param>
        /// <param name="fanIn">The number of inputs of each output unit: the input size of a dense layer (the dimension multiplied with the input vector), input channels * kernel size for a convolution.</param>
        /// <param name="seed">A seed: the same seed gives the same values on every run and machine. Leave null (with <paramref name="random"/> null too) for unpredictable values.</param>
        /// <param name="random">A generator to draw the key of the stream from (two <see cref="Random.Next()"/> calls), e.g. <c>new Random(42)</c> for reproducible values that still differ from one fill to the next. Must be null if <paramref name="seed"/> is given.</param>
        /// <returns>The same array, filled, so that a field initializer can allocate and fill in one expression.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive.</exception>
        /// <exception cref="ArgumentException">Both <paramref name="seed"/> and <paramref name="random"/> are given, or a row of a jagged array is null.</exception>
        /// <example><code>double[] w = WeightInit.LeCunUniform(new double[300 * 100], fanIn: 300, seed: 7);</code></example>
        public static double[] LeCunUniform(double[] weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleUniformSampler(LeCunBound(fanIn)), seed, random);

        /// <summary>
        /// Fills a 2-D double array, in row-major order, with LeCun uniform values U(-b, b), b = sqrt(3 / fanIn), from
        /// LeCun, Bottou, Orr and Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunUniform(double[], int, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        public static double[,] LeCunUniform(double[,] weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleUniformSampler(LeCunBound(fanIn)), seed, random);

        /// <summary>
        /// Fills a jagged double array, row by row, with LeCun uniform values U(-b, b), b = sqrt(3 / fanIn), from LeCun,
        /// Bottou, Orr and Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunUniform(double[], int, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        public static double[][] LeCunUniform(double[][] weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleUniformSampler(LeCunBound(fanIn)), seed, random);

        /// <summary>
        /// Fills a span of float with LeCun uniform values U(-b, b), b = sqrt(3 / fanIn), from LeCun, Bottou, Orr and
        /// Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunUniform(double[], int, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<float> LeCunUniform(Span<float> weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new SingleUniformSampler(LeCunBound(fanIn)), seed, random);

        /// <summary>
        /// Fills a float array with LeCun uniform values U(-b, b), b = sqrt(3 / fanIn), from LeCun, Bottou, Orr and
        /// Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunUniform(double[], int, int?, Random?)"/>
        /// <returns>The same array, filled.</returns>
        public static float[] LeCunUniform(float[] weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new SingleUniformSampler(LeCunBound(fanIn)), seed, random);

        /// <summary>
        /// Fills a 2-D float array, in row-major order, with LeCun uniform values U(-b, b), b = sqrt(3 / fanIn), from
        /// LeCun, Bottou, Orr and Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunUniform(double[], int, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        public static float[,] LeCunUniform(float[,] weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new SingleUniformSampler(LeCunBound(fanIn)), seed, random);

        /// <summary>
        /// Fills a jagged float array, row by row, with LeCun uniform values U(-b, b), b = sqrt(3 / fanIn), from LeCun,
        /// Bottou, Orr and Mueller 1998, "Efficient BackProp".
        /// </summary>
        /// <inheritdoc cref="LeCunUniform(double[], int, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        public static float[][] LeCunUniform(float[][] weights, int fanIn, int? seed = null, Random? random = null)
            => Fill(weights, new SingleUniformSampler(LeCunBound(fanIn)), seed, random);
    }
}
