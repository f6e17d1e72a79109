using System;
using System.Globalization;

namespace InitAnalyzers.Runtime
{
    public static partial class WeightInit
    {
        // The largest |z| each Box-Muller variant can produce: sqrt(-2 ln u) for the smallest u it draws
        // (2^-31 for float output, 2^-53 for double output), rounded up.
        private const double LargestStandardNormalSingle = 6.56; // sqrt(62 ln 2) = 6.5555
        private const double LargestStandardNormalDouble = 8.58; // sqrt(106 ln 2) = 8.5717

        private static void RequireWeights(object? weights)
        {
            if (weights is null)
            {
                throw new ArgumentNullException(nameof(weights), "The weights to initialize must not be null.");
            }
        }

        private static void RequireRows<T>(T[][] weights)
        {
            RequireWeights(weights);
            for (int row = 0; row < weights.Length; row++)
            {
                if (weights[row] is null)
                {
                    throw new ArgumentException(
                        string.Format(CultureInfo.InvariantCulture, "Row {0} of the jagged weights array is null; allocate every row before initializing.", row),
                        nameof(weights));
                }
            }
        }

        private static void RequirePositiveFan(int fan, string paramName)
        {
            if (fan <= 0)
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    fan,
                    paramName + " must be positive: it counts the " + (paramName == "fanOut" ? "outputs fed by each input" : "inputs of each output unit") + ".");
            }
        }

        private static void RequireDefined(Activation activation)
        {
            if (activation < Activation.Linear || activation > Activation.Softmax)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(activation), activation, "activation is not a defined Activation value.");
            }
        }

        private static void RequireSlope(double negativeSlope)
        {
            if (double.IsNaN(negativeSlope) || double.IsInfinity(negativeSlope) || negativeSlope < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(negativeSlope),
                    negativeSlope,
                    "negativeSlope must be a finite number >= 0 (the slope of leaky ReLU for x < 0, e.g. 0.01).");
            }
        }

        private static void RequireGain(double gain)
        {
            if (double.IsNaN(gain) || double.IsInfinity(gain) || gain <= 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(gain),
                    gain,
                    "gain must be a finite number > 0 (1 for linear, sigmoid or softmax layers; see WeightInit.Gain). A gain of 0 would make every weight 0.");
            }
        }

        /// <summary>Rejects a gain whose weights would overflow the element type to infinity.</summary>
        private static void RequireRepresentable(double largestMagnitude, double largestValue, double gain)
        {
            if (!(largestMagnitude <= largestValue))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(gain),
                    gain,
                    "gain is so large that the weights would overflow to infinity in the element type.");
            }
        }

        private static void RequireOrthogonalShape(int length, int rows, int columns)
        {
            if (length == 0)
            {
                throw new ArgumentException("An orthogonal matrix needs at least one element; the weights are empty.", "weights");
            }

            if (rows <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), rows, "rows must be positive.");
            }

            if (columns <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be positive.");
            }

            if ((long)rows * columns != length)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The weights hold {0} elements, but rows * columns = {1} * {2} = {3}.", length, rows, columns, (long)rows * columns),
                    "weights");
            }
        }
    }
}
