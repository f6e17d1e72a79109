using System;

namespace InitAnalyzers.Runtime
{
    // Xavier (Glorot) fills: Glorot and Bengio 2010, for tanh, sigmoid and linear layers.
    public static partial class WeightInit
    {
        /// <summary>
        /// Fills a span of double with Xavier (Glorot) normal values N(0, std^2), std = gain * sqrt(2 / (fanIn +
        /// fanOut)), from Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward neural
        /// networks".
        /// </summary>
        /// <inheritdoc cref="XavierNormal(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<double> XavierNormal(Span<double> weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleNormalSampler(XavierStdWithin(fanIn, fanOut, gain, LargestStandardNormalDouble, double.MaxValue)), seed, random);

        /// <summary>
        /// Fills a double array with Xavier (Glorot) normal values N(0, std^2), std = gain * sqrt(2 / (fanIn + fanOut)),
        /// from Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward neural networks".
        /// </summary>
        /// <remarks>
        /// Use before tanh, sigmoid, softsign or a linear/softmax output: it balances the variance of the forward signal
        /// (fanIn) and of the backward gradient (fanOut) by Var(w) = gain^2 * 2 / (fanIn + fanOut). Needs only fanIn +
        /// fanOut, so it is safe when the layout of the array is unknown. Equivalent to torch.nn.init.xavier_normal_(w,
        /// gain) in PyTorch (TorchSharp's xavier_normal_ draws uniform values).
        /// </remarks>
        /// <param name="weights">The weights to fill: a span, an array, a 2-D array (row-major) or a jagged array (row by row, rows may differ in length). Element i in row-major order always gets the same value for the same seed, whatever the shape.</param>
        /// <param name="fanIn">The number of inputs of each output unit: the input size of a dense layer (the dimension multiplied with the input vector), input channels * kernel size for a convolution.</param>
        /// <param name="fanOut">The number of outputs each input feeds: the output size of a dense layer, output channels * kernel size for a convolution.</param>
        /// <param name="gain">The gain of the activation (default 1; 5/3 for tanh; see <see cref="Gain(Activation, double)"/>).</param>
        /// <param name="seed">A seed: the same seed gives the same values on every run and machine. Leave null (with <paramref name="random"/> null too) for unpredictable values.</param>
        /// <param name="random">A generator to draw the key of the stream from (two <see cref="Random.Next()"/> calls), e.g. <c>new Random(42)</c> for reproducible values that still differ from one fill to the next. Must be null if <paramref name="seed"/> is given.</param>
        /// <returns>The same array, filled, so that a field initializer can allocate and fill in one expression.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> or <paramref name="fanOut"/> is not positive, or <paramref name="gain"/> is not a positive finite number or so large that the weights would overflow.</exception>
        /// <exception cref="ArgumentException">Both <paramref name="seed"/> and <paramref name="random"/> are given, or a row of a jagged array is null.</exception>
        /// <example><code>weights = WeightInit.XavierNormal(new double[nIn, nOut], fanIn: nIn, fanOut: nOut);</code></example>
        public static double[] XavierNormal(double[] weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleNormalSampler(XavierStdWithin(fanIn, fanOut, gain, LargestStandardNormalDouble, double.MaxValue)), seed, random);

        /// <summary>
        /// Fills a 2-D double array, in row-major order, with Xavier (Glorot) normal values N(0, std^2), std = gain *
        /// sqrt(2 / (fanIn + fanOut)), from Glorot and Bengio 2010, "Understanding the difficulty of training deep
        /// feedforward neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierNormal(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        public static double[,] XavierNormal(double[,] weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleNormalSampler(XavierStdWithin(fanIn, fanOut, gain, LargestStandardNormalDouble, double.MaxValue)), seed, random);

        /// <summary>
        /// Fills a jagged double array, row by row, with Xavier (Glorot) normal values N(0, std^2), std = gain * sqrt(2 /
        /// (fanIn + fanOut)), from Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward
        /// neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierNormal(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        public static double[][] XavierNormal(double[][] weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleNormalSampler(XavierStdWithin(fanIn, fanOut, gain, LargestStandardNormalDouble, double.MaxValue)), seed, random);

        /// <summary>
        /// Fills a span of float with Xavier (Glorot) normal values N(0, std^2), std = gain * sqrt(2 / (fanIn + fanOut)),
        /// from Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierNormal(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<float> XavierNormal(Span<float> weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new SingleNormalSampler(XavierStdWithin(fanIn, fanOut, gain, LargestStandardNormalSingle, float.MaxValue)), seed, random);

        /// <summary>
        /// Fills a float array with Xavier (Glorot) normal values N(0, std^2), std = gain * sqrt(2 / (fanIn + fanOut)),
        /// from Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierNormal(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same array, filled.</returns>
        public static float[] XavierNormal(float[] weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new SingleNormalSampler(XavierStdWithin(fanIn, fanOut, gain, LargestStandardNormalSingle, float.MaxValue)), seed, random);

        /// <summary>
        /// Fills a 2-D float array, in row-major order, with Xavier (Glorot) normal values N(0, std^2), std = gain *
        /// sqrt(2 / (fanIn + fanOut)), from Glorot and Bengio 2010, "Understanding the difficulty of training deep
        /// feedforward neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierNormal(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        public static float[,] XavierNormal(float[,] weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new SingleNormalSampler(XavierStdWithin(fanIn, fanOut, gain, LargestStandardNormalSingle, float.MaxValue)), seed, random);

        /// <summary>
        /// Fills a jagged float array, row by row, with Xavier (Glorot) normal values N(0, std^2), std = gain * sqrt(2 /
        /// (fanIn + fanOut)), from Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward
        /// neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierNormal(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        public static float[][] XavierNormal(float[][] weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new SingleNormalSampler(XavierStdWithin(fanIn, fanOut, gain, LargestStandardNormalSingle, float.MaxValue)), seed, random);

        /// <summary>
        /// Fills a span of double with Xavier (Glorot) uniform values U(-b, b), b = gain * sqrt(6 / (fanIn + fanOut)),
        /// from Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierUniform(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<double> XavierUniform(Span<double> weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleUniformSampler(XavierBoundWithin(fanIn, fanOut, gain, double.MaxValue)), seed, random);

        /// <summary>
        /// Fills a double array with Xavier (Glorot) uniform values U(-b, b), b = gain * sqrt(6 / (fanIn + fanOut)), from
        /// Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward neural networks".
        /// </summary>
        /// <remarks>
        /// The uniform distribution with the variance of Xavier normal, gain^2 * 2 / (fanIn + fanOut) (Glorot and Bengio
        /// 2010, eq. 16). Use before tanh, sigmoid or linear layers. Equivalent to torch.nn.init.xavier_uniform_(w,
        /// gain). Values lie strictly inside (-b, b) and are never exactly 0.
        /// </remarks>
        /// <param name="weights">The weights to fill: a span, an array, a 2-D array (row-major) or a jagged array (row by row, rows may differ in length). Element i in row-major order always gets the same value for the same seed, whatever the shape.</param>
        /// <param name="fanIn">The number of inputs of each output unit: the input size of a dense layer (the dimension multiplied with the input vector), input channels * kernel size for a convolution.</param>
        /// <param name="fanOut">The number of outputs each input feeds: the output size of a dense layer, output channels * kernel size for a convolution.</param>
        /// <param name="gain">The gain of the activation (default 1; 5/3 for tanh; see <see cref="Gain(Activation, double)"/>).</param>
        /// <param name="seed">A seed: the same seed gives the same values on every run and machine. Leave null (with <paramref name="random"/> null too) for unpredictable values.</param>
        /// <param name="random">A generator to draw the key of the stream from (two <see cref="Random.Next()"/> calls), e.g. <c>new Random(42)</c> for reproducible values that still differ from one fill to the next. Must be null if <paramref name="seed"/> is given.</param>
        /// <returns>The same array, filled, so that a field initializer can allocate and fill in one expression.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> or <paramref name="fanOut"/> is not positive, or <paramref name="gain"/> is not a positive finite number or so large that the weights would overflow.</exception>
        /// <exception cref="ArgumentException">Both <paramref name="seed"/> and <paramref name="random"/> are given, or a row of a jagged array is null.</exception>
        /// <example><code>float[,] w = WeightInit.XavierUniform(new float[64, 32], fanIn: 32, fanOut: 64, gain: 5.0 / 3.0);</code></example>
        public static double[] XavierUniform(double[] weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleUniformSampler(XavierBoundWithin(fanIn, fanOut, gain, double.MaxValue)), seed, random);

        /// <summary>
        /// Fills a 2-D double array, in row-major order, with Xavier (Glorot) uniform values U(-b, b), b = gain * sqrt(6
        /// / (fanIn + fanOut)), from Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward
        /// neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierUniform(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        public static double[,] XavierUniform(double[,] weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleUniformSampler(XavierBoundWithin(fanIn, fanOut, gain, double.MaxValue)), seed, random);

        /// <summary>
        /// Fills a jagged double array, row by row, with Xavier (Glorot) uniform values U(-b, b), b = gain * sqrt(6 /
        /// (fanIn + fanOut)), from Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward
        /// neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierUniform(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        public static double[][] XavierUniform(double[][] weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new DoubleUniformSampler(XavierBoundWithin(fanIn, fanOut, gain, double.MaxValue)), seed, random);

        /// <summary>
        /// Fills a span of float with Xavier (Glorot) uniform values U(-b, b), b = gain * sqrt(6 / (fanIn + fanOut)),
        /// from Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierUniform(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same span, filled.</returns>
        public static Span<float> XavierUniform(Span<float> weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new SingleUniformSampler(XavierBoundWithin(fanIn, fanOut, gain, float.MaxValue)), seed, random);

        /// <summary>
        /// Fills a float array with Xavier (Glorot) uniform values U(-b, b), b = gain * sqrt(6 / (fanIn + fanOut)), from
        /// Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierUniform(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same array, filled.</returns>
        public static float[] XavierUniform(float[] weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new SingleUniformSampler(XavierBoundWithin(fanIn, fanOut, gain, float.MaxValue)), seed, random);

        /// <summary>
        /// Fills a 2-D float array, in row-major order, with Xavier (Glorot) uniform values U(-b, b), b = gain * sqrt(6 /
        /// (fanIn + fanOut)), from Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward
        /// neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierUniform(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same 2-D array, filled.</returns>
        public static float[,] XavierUniform(float[,] weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new SingleUniformSampler(XavierBoundWithin(fanIn, fanOut, gain, float.MaxValue)), seed, random);

        /// <summary>
        /// Fills a jagged float array, row by row, with Xavier (Glorot) uniform values U(-b, b), b = gain * sqrt(6 /
        /// (fanIn + fanOut)), from Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward
        /// neural networks".
        /// </summary>
        /// <inheritdoc cref="XavierUniform(double[], int, int, double, int?, Random?)"/>
        /// <returns>The same jagged array, filled.</returns>
        public static float[][] XavierUniform(float[][] weights, int fanIn, int fanOut, double gain = 1.0, int? seed = null, Random? random = null)
            => Fill(weights, new SingleUniformSampler(XavierBoundWithin(fanIn, fanOut, gain, float.MaxValue)), seed, random);

        /// <summary><see cref="XavierStd"/>, rejecting a gain whose largest normal value would overflow the element type.</summary>
        private static double XavierStdWithin(int fanIn, int fanOut, double gain, double largestStandardNormal, double largestValue)
        {
            double standardDeviation = XavierStd(fanIn, fanOut, gain);
            RequireRepresentable(standardDeviation * largestStandardNormal, largestValue, gain);
            return standardDeviation;
        }

        /// <summary><see cref="XavierBound"/>, rejecting a gain whose bound would overflow the element type.</summary>
        private static double XavierBoundWithin(int fanIn, int fanOut, double gain, double largestValue)
        {
            double bound = XavierBound(fanIn, fanOut, gain);
            RequireRepresentable(bound, largestValue, gain);
            return bound;
        }
    }
}
