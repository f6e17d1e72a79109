namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// The nonlinearity applied to a layer's output. It decides the gain of the initialization
    /// (see <see cref="WeightInit.Gain(Activation, double)"/>): the factor that keeps the signal's variance
    /// constant from layer to layer.
    /// </summary>
    public enum Activation
    {
        /// <summary>Identity (no nonlinearity), also a convolution or a linear output layer. Gain 1.</summary>
        Linear,

        /// <summary>Logistic sigmoid 1 / (1 + e^-x). Gain 1 (Xavier; Glorot and Bengio 2010).</summary>
        Sigmoid,

        /// <summary>Hyperbolic tangent. Gain 5/3 (Xavier with PyTorch's tanh gain).</summary>
        Tanh,

        /// <summary>Rectified linear unit max(0, x). Gain sqrt(2) (He et al. 2015).</summary>
        ReLU,

        /// <summary>Leaky ReLU max(ax, x) with negative slope a. Gain sqrt(2 / (1 + a^2)) (He et al. 2015).</summary>
        LeakyReLU,

        /// <summary>Exponential linear unit (Clevert et al. 2015), ReLU family. Gain sqrt(2) (He).</summary>
        ELU,

        /// <summary>Gaussian error linear unit x * Phi(x) (Hendrycks and Gimpel 2016), ReLU family. Gain sqrt(2) (He).</summary>
        GELU,

        /// <summary>Sigmoid linear unit x * sigmoid(x), also called Swish, ReLU family. Gain sqrt(2) (He).</summary>
        SiLU,

        /// <summary>
        /// Scaled exponential linear unit (Klambauer et al. 2017, "Self-Normalizing Neural Networks"). Gain 1:
        /// self-normalizing networks need LeCun normal, N(0, 1/fanIn).
        /// </summary>
        SELU,

        /// <summary>Softmax, usually the output layer. Gain 1 (Xavier or LeCun).</summary>
        Softmax,
    }
}
