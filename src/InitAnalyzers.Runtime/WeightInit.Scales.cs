using System;

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// Weight initialization for neural networks: He (Kaiming), Xavier (Glorot), LeCun and orthogonal fills for
    /// <see cref="float"/> and <see cref="double"/> spans, arrays, 2-D arrays and jagged arrays, and the scales
    /// behind them for use with other libraries.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each fill draws its values from Philox4x32-10 (Salmon et al. 2011), a counter-based generator: element i
    /// (in row-major order) is a pure function of the seed and i, computed with reproducible arithmetic only (no
    /// platform math library, no fused multiply-add), so the same seed gives the same bits on every run, machine,
    /// operating system, target framework and SIMD width. A span, an array, a 2-D array and a jagged array of the
    /// same length filled with the same seed hold the same sequence.
    /// </para>
    /// <para>
    /// Fills run on SIMD lanes where the runtime accelerates them (512-bit lanes with AVX-512, else Vector&lt;T&gt;:
    /// AVX2, SSE, Arm64; .NET 8 and later), else one block at a time (netstandard2.0), on the calling thread,
    /// without allocating. Normal values come from
    /// the Box-Muller transform with both outputs used, computed in the element type: float fills in float, double
    /// fills in double.
    /// </para>
    /// <para>
    /// Randomness: pass <c>seed</c> for reproducible values, or <c>random</c> to draw the stream's key from your
    /// own <see cref="Random"/> (two <see cref="Random.Next()"/> calls), or neither for fresh, unpredictable values.
    /// Passing both is an error.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>double[,] weights = WeightInit.HeNormal(new double[nOut, nIn], fanIn: nIn, seed: 42);</code>
    /// </example>
    public static partial class WeightInit
    {
        // He et al. 2015, "Delving Deep into Rectifiers", eq. 10: a ReLU keeps half the variance, so Var(w) = 2 / fanIn.
        private const double ReLUGain = 1.4142135623730951; // sqrt(2)

        // Gain of tanh as in torch.nn.init.calculate_gain('tanh') (PyTorch, from Lua Torch's init): 5/3.
        private const double TanhGain = 5.0 / 3.0;

        // Glorot & Bengio 2010 derived Xavier for activations that are linear around 0 (sigmoid, tanh, identity).
        private const double UnitGain = 1.0;

        /// <summary>
        /// The gain g of an activation: the factor by which the initialization's standard deviation is scaled so that
        /// each layer keeps the variance of its signal. Linear, sigmoid, softmax: 1; tanh: 5/3; ReLU, ELU, GELU, SiLU:
        /// sqrt(2) (He et al. 2015, "Delving Deep into Rectifiers"); leaky ReLU with slope a: sqrt(2 / (1 + a^2));
        /// SELU: 1.
        /// </summary>
        /// <remarks>
        /// The ReLU family (ELU, GELU, SiLU) gets the ReLU gain, which is what He initialization means for them.
        /// SELU gets 1, i.e. LeCun normal N(0, 1/fanIn), which self-normalizing networks need (Klambauer et al. 2017).
        /// PyTorch's <c>calculate_gain('selu')</c> returns 3/4, a value chosen empirically, yet its documentation
        /// recommends <c>nonlinearity='linear'</c> (gain 1) for self-normalizing networks; we follow that.
        /// </remarks>
        /// <param name="activation">The activation applied to the layer's output.</param>
        /// <param name="negativeSlope">The slope a of leaky ReLU for negative inputs (PyTorch's default 0.01); used only for <see cref="Activation.LeakyReLU"/>.</param>
        /// <returns>The gain g, a positive finite number.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="activation"/> is not defined, or <paramref name="negativeSlope"/> is negative, NaN or infinite.</exception>
        /// <example><code>double g = WeightInit.Gain(Activation.LeakyReLU, negativeSlope: 0.2); // sqrt(2 / 1.04)</code></example>
        public static double Gain(Activation activation, double negativeSlope = 0.01)
        {
            RequireDefined(activation);
            RequireSlope(negativeSlope);
            switch (activation)
            {
                case Activation.Tanh:
                    return TanhGain;
                case Activation.ReLU:
                case Activation.ELU:
                case Activation.GELU:
                case Activation.SiLU:
                    return ReLUGain;
                case Activation.LeakyReLU:
                    return LeakyReLUGain(negativeSlope);
                default:
                    // Linear, Sigmoid, Softmax (Glorot & Bengio 2010) and SELU (LeCun et al. 1998; Klambauer et al. 2017).
                    return UnitGain;
            }
        }

        /// <summary>
        /// The standard deviation of He (Kaiming) normal initialization, fan-in mode: g / sqrt(fanIn), with g the
        /// <see cref="Gain(Activation, double)"/> of the activation; sqrt(2 / fanIn) for ReLU
        /// (He et al. 2015, "Delving Deep into Rectifiers").
        /// </summary>
        /// <param name="fanIn">The number of inputs of each output unit (for a dense layer, its input size; for a convolution, input channels * kernel size).</param>
        /// <param name="activation">The activation applied to the layer's output (default ReLU).</param>
        /// <param name="negativeSlope">The negative slope of leaky ReLU (default 0.01); used only for <see cref="Activation.LeakyReLU"/>.</param>
        /// <returns>The standard deviation.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive, <paramref name="activation"/> is not defined, or <paramref name="negativeSlope"/> is negative, NaN or infinite.</exception>
        /// <example><code>var normal = new MathNet.Numerics.Distributions.Normal(0, WeightInit.HeStd(784)); // 0.0505</code></example>
        public static double HeStd(int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01)
        {
            RequirePositiveFan(fanIn, nameof(fanIn));
            return Gain(activation, negativeSlope) / Math.Sqrt(fanIn);
        }

        /// <summary>
        /// The bound b of He (Kaiming) uniform initialization U(-b, b), fan-in mode: g * sqrt(3 / fanIn), the bound
        /// whose uniform has the variance of <see cref="HeStd"/>; sqrt(6 / fanIn) for ReLU (He et al. 2015).
        /// </summary>
        /// <inheritdoc cref="HeStd" path="/param"/>
        /// <returns>The bound b.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive, <paramref name="activation"/> is not defined, or <paramref name="negativeSlope"/> is negative, NaN or infinite.</exception>
        /// <example><code>var uniform = new ContinuousUniform(-WeightInit.HeBound(784), WeightInit.HeBound(784));</code></example>
        public static double HeBound(int fanIn, Activation activation = Activation.ReLU, double negativeSlope = 0.01)
        {
            RequirePositiveFan(fanIn, nameof(fanIn));
            return Gain(activation, negativeSlope) * Math.Sqrt(3.0 / fanIn);
        }

        /// <summary>
        /// The standard deviation of Xavier (Glorot) normal initialization: gain * sqrt(2 / (fanIn + fanOut))
        /// (Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward neural networks").
        /// </summary>
        /// <param name="fanIn">The number of inputs of each output unit.</param>
        /// <param name="fanOut">The number of outputs each input feeds (for a dense layer, its output size).</param>
        /// <param name="gain">The gain of the activation (default 1, for tanh use 5/3; see <see cref="Gain(Activation, double)"/>).</param>
        /// <returns>The standard deviation.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> or <paramref name="fanOut"/> is not positive, or <paramref name="gain"/> is not a positive finite number.</exception>
        /// <example><code>double std = WeightInit.XavierStd(fanIn: 256, fanOut: 128); // sqrt(2 / 384)</code></example>
        public static double XavierStd(int fanIn, int fanOut, double gain = 1.0)
        {
            RequirePositiveFan(fanIn, nameof(fanIn));
            RequirePositiveFan(fanOut, nameof(fanOut));
            RequireGain(gain);
            return gain * Math.Sqrt(2.0 / ((double)fanIn + fanOut));
        }

        /// <summary>
        /// The bound b of Xavier (Glorot) uniform initialization U(-b, b): gain * sqrt(6 / (fanIn + fanOut))
        /// (Glorot and Bengio 2010, eq. 16).
        /// </summary>
        /// <inheritdoc cref="XavierStd" path="/param"/>
        /// <returns>The bound b.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> or <paramref name="fanOut"/> is not positive, or <paramref name="gain"/> is not a positive finite number.</exception>
        /// <example><code>double b = WeightInit.XavierBound(fanIn: 256, fanOut: 128); // 0.125</code></example>
        public static double XavierBound(int fanIn, int fanOut, double gain = 1.0)
        {
            RequirePositiveFan(fanIn, nameof(fanIn));
            RequirePositiveFan(fanOut, nameof(fanOut));
            RequireGain(gain);
            return gain * Math.Sqrt(6.0 / ((double)fanIn + fanOut));
        }

        /// <summary>
        /// The standard deviation of LeCun normal initialization: sqrt(1 / fanIn) (LeCun, Bottou, Orr and Mueller 1998,
        /// "Efficient BackProp"), the initialization SELU networks need.
        /// </summary>
        /// <param name="fanIn">The number of inputs of each output unit.</param>
        /// <returns>The standard deviation.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive.</exception>
        /// <example><code>double std = WeightInit.LeCunStd(100); // 0.1</code></example>
        public static double LeCunStd(int fanIn)
        {
            RequirePositiveFan(fanIn, nameof(fanIn));
            return Math.Sqrt(1.0 / fanIn);
        }

        /// <summary>
        /// The bound b of LeCun uniform initialization U(-b, b): sqrt(3 / fanIn), whose variance is 1 / fanIn
        /// (LeCun et al. 1998, "Efficient BackProp").
        /// </summary>
        /// <param name="fanIn">The number of inputs of each output unit.</param>
        /// <returns>The bound b.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive.</exception>
        /// <example><code>double b = WeightInit.LeCunBound(300); // 0.1</code></example>
        public static double LeCunBound(int fanIn)
        {
            RequirePositiveFan(fanIn, nameof(fanIn));
            return Math.Sqrt(3.0 / fanIn);
        }

        /// <summary>sqrt(2 / (1 + a^2)) (He et al. 2015, eq. 15), written to stay positive for huge slopes.</summary>
        private static double LeakyReLUGain(double negativeSlope)
        {
            if (negativeSlope <= 1.0)
            {
                return Math.Sqrt(2.0 / (1.0 + (negativeSlope * negativeSlope)));
            }

            // a > 1: sqrt(2) / (a sqrt(1 + 1/a^2)) avoids a^2 overflowing to infinity (and the gain to 0).
            return ReLUGain / (negativeSlope * Math.Sqrt(1.0 + (1.0 / (negativeSlope * negativeSlope))));
        }
    }
}
