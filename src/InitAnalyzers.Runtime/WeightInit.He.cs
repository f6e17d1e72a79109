using System;

namespace InitAnalyzers.Runtime
{
    // He (Kaiming) fills: He, Zhang, Ren and Sun 2015, "Delving Deep into Rectifiers", for the ReLU family.
    public static partial class WeightInit
    {
        /// <summary>
        /// Fills a span of double with He (Kaiming) normal values N(0, std^2), std = g / sqrt(fanIn) with g the gain of
        /// the activation (sqrt(2 / fanIn) for ReLU), from He, Zhang, Ren and Sun 2015, "Delving Deep into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeNormal(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<double> HeNormal(Span<double> weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleNormalSampler(HeStd(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a double array with He (Kaiming) normal values N(0, std^2), std = g / sqrt(fanIn) with g the gain of the
        /// activation (sqrt(2 / fanIn) for ReLU), from He, Zhang, Ren and Sun 2015, "Delving Deep into Rectifiers".
        /// </summary>
        /// <remarks>
        /// Use before ReLU, leaky ReLU, ELU, GELU or SiLU: each such layer halves (about) the variance of its input, and
        /// Var(w) = g^2 / fanIn undoes that, so activations and gradients neither vanish nor explode with depth; He et
        /// al. trained a 30-layer ReLU network this way that did not converge with Xavier. Equivalent to
        /// torch.nn.init.kaiming_normal_(w, a, mode='fan_in', nonlinearity) for ReLU and leaky ReLU.
        /// </remarks>
        /// <param name="weights">The weights to fill: a span, an array, a 2-D array (row-major) or a jagged array (row by row, rows may differ in length). Element i in row-major order always gets the same value for the same seed, whatever the shape.</param>
        /// <param name="fanIn">The number of inputs of each output unit: the input size of a dense layer (the dimension multiplied with the input vector), input channels * kernel size for a convolution.</param>
        /// <param name="activation">The activation applied to the layer's output (default ReLU); it sets the gain g (see <see cref="Gain(Activation, double)"/>).</param>
        /// <param name="negativeSlope">The slope of leaky ReLU for negative inputs (default 0.01, as PyTorch); used only when <paramref name="activation"/> is <see cref="Activation.LeakyReLU"/>.</param>
        /// <param name="seed">A seed: the same seed gives the same values on every run and machine. Leave null (with <paramref name="random"/> null too) for unpredictable values.</param>
        /// <param name="random">A generator to draw the key of the stream from (two <see cref="Random.Next()"/> calls), e.g. <c>new Random(42)</c> for reproducible values that still differ from one fill to the next. Must be null if <paramref name="seed"/> is given.</param>
        /// <returns>The same array, filled, so that a field initializer can allocate and fill in one expression.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive, <paramref name="activation"/> is not defined, or <paramref name="negativeSlope"/> is negative, NaN or infinite.</exception>
        /// <exception cref="ArgumentException">Both <paramref name="seed"/> and <paramref name="random"/> are given, or a row of a jagged array is null.</exception>
        /// <example><code>weights = WeightInit.HeNormal(new double[nIn, nOut], fanIn: nIn);</code></example>
        public static double[] HeNormal(double[] weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleNormalSampler(HeStd(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a 2-D double array, in row-major order, with He (Kaiming) normal values N(0, std^2), std = g /
        /// sqrt(fanIn) with g the gain of the activation (sqrt(2 / fanIn) for ReLU), from He, Zhang, Ren and Sun 2015,
        /// "Delving Deep into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeNormal(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        public static double[,] HeNormal(double[,] weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleNormalSampler(HeStd(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a jagged double array, row by row, with He (Kaiming) normal values N(0, std^2), std = g / sqrt(fanIn)
        /// with g the gain of the activation (sqrt(2 / fanIn) for ReLU), from He, Zhang, Ren and Sun 2015, "Delving Deep
        /// into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeNormal(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        public static double[][] HeNormal(double[][] weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleNormalSampler(HeStd(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a span of float with He (Kaiming) normal values N(0, std^2), std = g / sqrt(fanIn) with g the gain of
        /// the activation (sqrt(2 / fanIn) for ReLU), from He, Zhang, Ren and Sun 2015, "Delving Deep into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeNormal(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<float> HeNormal(Span<float> weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new SingleNormalSampler(HeStd(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a float array with He (Kaiming) normal values N(0, std^2), std = g / sqrt(fanIn) with g the gain of the
        /// activation (sqrt(2 / fanIn) for ReLU), from He, Zhang, Ren and Sun 2015, "Delving Deep into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeNormal(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same array, filled.</returns>
        public static float[] HeNormal(float[] weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new SingleNormalSampler(HeStd(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a 2-D float array, in row-major order, with He (Kaiming) normal values N(0, std^2), std = g /
        /// sqrt(fanIn) with g the gain of the activation (sqrt(2 / fanIn) for ReLU), from He, Zhang, Ren and Sun 2015,
        /// "Delving Deep into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeNormal(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        public static float[,] HeNormal(float[,] weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new SingleNormalSampler(HeStd(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a jagged float array, row by row, with He (Kaiming) normal values N(0, std^2), std = g / sqrt(fanIn)
        /// with g the gain of the activation (sqrt(2 / fanIn) for ReLU), from He, Zhang, Ren and Sun 2015, "Delving Deep
        /// into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeNormal(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        public static float[][] HeNormal(float[][] weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new SingleNormalSampler(HeStd(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a span of double with He (Kaiming) uniform values U(-b, b), b = g * sqrt(3 / fanIn) (sqrt(6 / fanIn) for
        /// ReLU), from He et al. 2015, "Delving Deep into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeUniform(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<double> HeUniform(Span<double> weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleUniformSampler(HeBound(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a double array with He (Kaiming) uniform values U(-b, b), b = g * sqrt(3 / fanIn) (sqrt(6 / fanIn) for
        /// ReLU), from He et al. 2015, "Delving Deep into Rectifiers".
        /// </summary>
        /// <remarks>
        /// The uniform distribution with the variance of He normal, g^2 / fanIn. Use before ReLU-family activations.
        /// Equivalent to torch.nn.init.kaiming_uniform_(w, a, mode='fan_in', nonlinearity) for ReLU and leaky ReLU.
        /// Values lie strictly inside (-b, b) and are never exactly 0.
        /// </remarks>
        /// <param name="weights">The weights to fill: a span, an array, a 2-D array (row-major) or a jagged array (row by row, rows may differ in length). Element i in row-major order always gets the same value for the same seed, whatever the shape.</param>
        /// <param name="fanIn">The number of inputs of each output unit: the input size of a dense layer (the dimension multiplied with the input vector), input channels * kernel size for a convolution.</param>
        /// <param name="activation">The activation applied to the layer's output (default ReLU); it sets the gain g (see <see cref="Gain(Activation, double)"/>).</param>
        /// <param name="negativeSlope">The slope of leaky ReLU for negative inputs (default 0.01, as PyTorch); used only when <paramref name="activation"/> is <see cref="Activation.LeakyReLU"/>.</param>
        /// <param name="seed">A seed: the same seed gives the same values on every run and machine. Leave null (with <paramref name="random"/> null too) for unpredictable values.</param>
        /// <param name="random">A generator to draw the key of the stream from (two <see cref="Random.Next()"/> calls), e.g. <c>new Random(42)</c> for reproducible values that still differ from one fill to the next. Must be null if <paramref name="seed"/> is given.</param>
        /// <returns>The same array, filled, so that a field initializer can allocate and fill in one expression.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive, <paramref name="activation"/> is not defined, or <paramref name="negativeSlope"/> is negative, NaN or infinite.</exception>
        /// <exception cref="ArgumentException">Both <paramref name="seed"/> and <paramref name="random"/> are given, or a row of a jagged array is null.</exception>
        /// <example><code>double[] w = WeightInit.HeUniform(new double[784 * 128], fanIn: 784, seed: 1);</code></example>
        public static double[] HeUniform(double[] weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleUniformSampler(HeBound(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a 2-D double array, in row-major order, with He (Kaiming) uniform values U(-b, b), b = g * sqrt(3 /
        /// fanIn) (sqrt(6 / fanIn) for ReLU), from He et al. 2015, "Delving Deep into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeUniform(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        public static double[,] HeUniform(double[,] weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleUniformSampler(HeBound(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a jagged double array, row by row, with He (Kaiming) uniform values U(-b, b), b = g * sqrt(3 / fanIn)
        /// (sqrt(6 / fanIn) for ReLU), from He et al. 2015, "Delving Deep into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeUniform(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        public static double[][] HeUniform(double[][] weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleUniformSampler(HeBound(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a span of float with He (Kaiming) uniform values U(-b, b), b = g * sqrt(3 / fanIn) (sqrt(6 / fanIn) for
        /// ReLU), from He et al. 2015, "Delving Deep into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeUniform(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<float> HeUniform(Span<float> weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new SingleUniformSampler(HeBound(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a float array with He (Kaiming) uniform values U(-b, b), b = g * sqrt(3 / fanIn) (sqrt(6 / fanIn) for
        /// ReLU), from He et al. 2015, "Delving Deep into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeUniform(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same array, filled.</returns>
        public static float[] HeUniform(float[] weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new SingleUniformSampler(HeBound(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a 2-D float array, in row-major order, with He (Kaiming) uniform values U(-b, b), b = g * sqrt(3 /
        /// fanIn) (sqrt(6 / fanIn) for ReLU), from He et al. 2015, "Delving Deep into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeUniform(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        public static float[,] HeUniform(float[,] weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new SingleUniformSampler(HeBound(fanIn, activation, negativeSlope)), seed, random);

        /// <summary>
        /// Fills a jagged float array, row by row, with He (Kaiming) uniform values U(-b, b), b = g * sqrt(3 / fanIn)
        /// (sqrt(6 / fanIn) for ReLU), from He et al. 2015, "Delving Deep into Rectifiers".
        /// </summary>
        /// <inheritdoc cref="HeUniform(double[], int, Activation, double, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        public static float[][] HeUniform(float[][] weights, int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01, int? seed = null, Random? random = null)
            => Fill(weights, new SingleUniformSampler(HeBound(fanIn, activation, negativeSlope)), seed, random);
    }
}
