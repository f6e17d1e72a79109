using System;
using System.Collections.Generic;
using System.Text;

namespace InitAnalyzers.Benchmarks.CodeBases;

/// <summary>
/// A deterministic, generated code base of numeric C# that is not a neural network: linear algebra, statistics, image
/// filters, signal processing, Markov chains, regression, physics and finance. It is full of what a weight recognizer
/// looks for (zeroed matrices, constant kernels and taps, weighted sums in loops, random matrices, filters chained into
/// cascades, clamps and soft clippers), so it is the hardest case for precision and for speed: no diagnostic is right here.
/// </summary>
public static class NonNeuralCodeBase
{
    private static readonly Func<Random, string, string>[] Templates =
    {
        DenseMatrix, LuSolver, Statistics, ImageFilter, FirCascade, MarkovChain, LinearRegression, KalmanFilter,
        NBody, HeatStencil, Portfolio, RandomProjection, Polynomial, FourierTransform, ShortestPaths, SparseMatrix,
    };

    /// <summary>C# files of about <paramref name="targetLines"/> lines in all, the same for the same arguments.</summary>
    public static IReadOnlyList<(string Path, string Text)> Generate(int targetLines, int seed = 1) =>
        CodeBaseWriter.Generate("Numerics", Templates, targetLines, seed);

    private static string DenseMatrix(Random random, string suffix)
    {
        var t = CodeBaseWriter.ElementType(random);
        var data = CodeBaseWriter.Pick(random, "data", "values", "entries", "m", "elements");
        return $$"""
            public sealed class DenseMatrix{{suffix}}
            {
                private readonly {{t}}[,] {{data}};

                public DenseMatrix{{suffix}}(int rows, int columns)
                {
                    Rows = rows;
                    Columns = columns;
                    {{data}} = new {{t}}[rows, columns];
                }

                public int Rows { get; }

                public int Columns { get; }

                public {{t}} this[int i, int j]
                {
                    get => {{data}}[i, j];
                    set => {{data}}[i, j] = value;
                }

                public static DenseMatrix{{suffix}} Identity(int n)
                {
                    var result = new DenseMatrix{{suffix}}(n, n);
                    for (int i = 0; i < n; i++)
                    {
                        result[i, i] = 1;
                    }

                    return result;
                }

                public DenseMatrix{{suffix}} Multiply(DenseMatrix{{suffix}} other)
                {
                    var result = new DenseMatrix{{suffix}}(Rows, other.Columns);
                    for (int i = 0; i < Rows; i++)
                    {
                        for (int j = 0; j < other.Columns; j++)
                        {
                            {{t}} sum = 0;
                            for (int k = 0; k < Columns; k++)
                            {
                                sum += {{data}}[i, k] * other.{{data}}[k, j];
                            }

                            result.{{data}}[i, j] = sum;
                        }
                    }

                    return result;
                }

                public {{t}}[] Multiply({{t}}[] vector)
                {
                    var result = new {{t}}[Rows];
                    for (int i = 0; i < Rows; i++)
                    {
                        {{t}} sum = 0;
                        for (int j = 0; j < Columns; j++)
                        {
                            sum += {{data}}[i, j] * vector[j];
                        }

                        result[i] = sum;
                    }

                    return result;
                }

                public DenseMatrix{{suffix}} Transpose()
                {
                    var result = new DenseMatrix{{suffix}}(Columns, Rows);
                    for (int i = 0; i < Rows; i++)
                    {
                        for (int j = 0; j < Columns; j++)
                        {
                            result.{{data}}[j, i] = {{data}}[i, j];
                        }
                    }

                    return result;
                }

                public DenseMatrix{{suffix}} Scale({{t}} factor)
                {
                    var result = new DenseMatrix{{suffix}}(Rows, Columns);
                    for (int i = 0; i < Rows; i++)
                    {
                        for (int j = 0; j < Columns; j++)
                        {
                            result.{{data}}[i, j] = {{data}}[i, j] * factor;
                        }
                    }

                    return result;
                }

                public {{t}} Trace()
                {
                    {{t}} trace = 0;
                    for (int i = 0; i < Math.Min(Rows, Columns); i++)
                    {
                        trace += {{data}}[i, i];
                    }

                    return trace;
                }

                public double FrobeniusNorm()
                {
                    double sum = 0;
                    foreach (var value in {{data}})
                    {
                        sum += value * value;
                    }

                    return Math.Sqrt(sum);
                }

                public {{t}}[] PowerIteration(int steps)
                {
                    var vector = new {{t}}[Columns];
                    for (int i = 0; i < vector.Length; i++)
                    {
                        vector[i] = 1;
                    }

                    for (int step = 0; step < steps; step++)
                    {
                        var next = Multiply(vector);
                        double norm = 0;
                        for (int i = 0; i < next.Length; i++)
                        {
                            norm += next[i] * next[i];
                        }

                        norm = Math.Sqrt(norm);
                        for (int i = 0; i < next.Length; i++)
                        {
                            next[i] = ({{t}})(next[i] / norm);
                        }

                        vector = next;
                    }

                    return vector;
                }
            }
            """;
    }

    private static string LuSolver(Random random, string suffix) => $$"""
        public sealed class LuSolver{{suffix}}
        {
            private readonly double[,] lower;
            private readonly double[,] upper;
            private readonly int n;

            public LuSolver{{suffix}}(double[,] matrix)
            {
                n = matrix.GetLength(0);
                lower = new double[n, n];
                upper = new double[n, n];
                for (int i = 0; i < n; i++)
                {
                    for (int k = i; k < n; k++)
                    {
                        double sum = 0;
                        for (int j = 0; j < i; j++)
                        {
                            sum += lower[i, j] * upper[j, k];
                        }

                        upper[i, k] = matrix[i, k] - sum;
                    }

                    for (int k = i; k < n; k++)
                    {
                        if (i == k)
                        {
                            lower[i, i] = 1;
                            continue;
                        }

                        double sum = 0;
                        for (int j = 0; j < i; j++)
                        {
                            sum += lower[k, j] * upper[j, i];
                        }

                        lower[k, i] = (matrix[k, i] - sum) / upper[i, i];
                    }
                }
            }

            public double[] Solve(double[] b)
            {
                var y = new double[n];
                for (int i = 0; i < n; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < i; j++)
                    {
                        sum += lower[i, j] * y[j];
                    }

                    y[i] = b[i] - sum;
                }

                var x = new double[n];
                for (int i = n - 1; i >= 0; i--)
                {
                    double sum = 0;
                    for (int j = i + 1; j < n; j++)
                    {
                        sum += upper[i, j] * x[j];
                    }

                    x[i] = (y[i] - sum) / upper[i, i];
                }

                return x;
            }

            public double Determinant()
            {
                double determinant = 1;
                for (int i = 0; i < n; i++)
                {
                    determinant *= upper[i, i];
                }

                return determinant;
            }
        }
        """;

    private static string Statistics(Random random, string suffix)
    {
        var weights = CodeBaseWriter.Pick(random, "weights", "frequencies", "importance", "w");
        return $$"""
            public static class Statistics{{suffix}}
            {
                public static double Mean(double[] values)
                {
                    double sum = 0;
                    for (int i = 0; i < values.Length; i++)
                    {
                        sum += values[i];
                    }

                    return sum / values.Length;
                }

                public static double WeightedMean(double[] values, double[] {{weights}})
                {
                    double sum = 0, total = 0;
                    for (int i = 0; i < values.Length; i++)
                    {
                        sum += {{weights}}[i] * values[i];
                        total += {{weights}}[i];
                    }

                    return sum / total;
                }

                public static double Variance(double[] values)
                {
                    var mean = Mean(values);
                    double sum = 0;
                    foreach (var value in values)
                    {
                        sum += (value - mean) * (value - mean);
                    }

                    return sum / (values.Length - 1);
                }

                public static double[,] Covariance(double[][] samples)
                {
                    int d = samples[0].Length;
                    var means = new double[d];
                    var covariance = new double[d, d];
                    foreach (var sample in samples)
                    {
                        for (int j = 0; j < d; j++)
                        {
                            means[j] += sample[j] / samples.Length;
                        }
                    }

                    foreach (var sample in samples)
                    {
                        for (int i = 0; i < d; i++)
                        {
                            for (int j = 0; j < d; j++)
                            {
                                covariance[i, j] += (sample[i] - means[i]) * (sample[j] - means[j]) / (samples.Length - 1);
                            }
                        }
                    }

                    return covariance;
                }

                public static int[] Histogram(double[] values, double min, double max, int bins)
                {
                    var counts = new int[bins];
                    foreach (var value in values)
                    {
                        var bin = (int)((value - min) / (max - min) * bins);
                        counts[Math.Clamp(bin, 0, bins - 1)]++;
                    }

                    return counts;
                }

                public static double[] MovingAverage(double[] series, int window)
                {
                    var kernel = new double[window];
                    for (int i = 0; i < window; i++)
                    {
                        kernel[i] = 1.0 / window;
                    }

                    var result = new double[series.Length - window + 1];
                    for (int t = 0; t < result.Length; t++)
                    {
                        double sum = 0;
                        for (int k = 0; k < window; k++)
                        {
                            sum += kernel[k] * series[t + k];
                        }

                        result[t] = sum;
                    }

                    return result;
                }

                public static double[] ExponentialSmoothing(double[] series, double alpha)
                {
                    var smoothed = new double[series.Length];
                    smoothed[0] = series[0];
                    for (int t = 1; t < series.Length; t++)
                    {
                        smoothed[t] = alpha * series[t] + (1 - alpha) * smoothed[t - 1];
                    }

                    return smoothed;
                }
            }
            """;
    }

    private static string ImageFilter(Random random, string suffix)
    {
        var kernel = CodeBaseWriter.Pick(random, "kernel", "weights", "mask", "stencil");
        var size = CodeBaseWriter.Pick(random, "3", "5");
        var t = CodeBaseWriter.Pick(random, "double", "float");
        return $$"""
            public sealed class ImageFilter{{suffix}}
            {
                private readonly {{t}}[,] {{kernel}} = new {{t}}[{{size}}, {{size}}];
                private readonly {{t}}[,] sobelX = { { -1, 0, 1 }, { -2, 0, 2 }, { -1, 0, 1 } };

                public ImageFilter{{suffix}}()
                {
                    for (int y = 0; y < {{size}}; y++)
                    {
                        for (int x = 0; x < {{size}}; x++)
                        {
                            {{kernel}}[y, x] = 1.0f / ({{size}} * {{size}});
                        }
                    }
                }

                public {{t}}[,] Blur({{t}}[,] image)
                {
                    int height = image.GetLength(0), width = image.GetLength(1), r = {{size}} / 2;
                    var output = new {{t}}[height, width];
                    for (int y = r; y < height - r; y++)
                    {
                        for (int x = r; x < width - r; x++)
                        {
                            {{t}} sum = 0;
                            for (int ky = -r; ky <= r; ky++)
                            {
                                for (int kx = -r; kx <= r; kx++)
                                {
                                    sum += {{kernel}}[ky + r, kx + r] * image[y + ky, x + kx];
                                }
                            }

                            output[y, x] = Math.Max(0, Math.Min(255, sum));
                        }
                    }

                    return output;
                }

                public {{t}}[,] BlurTwice({{t}}[,] image) => Blur(Blur(image));

                public {{t}}[,] EdgesX({{t}}[,] image)
                {
                    int height = image.GetLength(0), width = image.GetLength(1);
                    var output = new {{t}}[height, width];
                    for (int y = 1; y < height - 1; y++)
                    {
                        for (int x = 1; x < width - 1; x++)
                        {
                            {{t}} sum = 0;
                            for (int ky = 0; ky < 3; ky++)
                            {
                                for (int kx = 0; kx < 3; kx++)
                                {
                                    sum += sobelX[ky, kx] * image[y + ky - 1, x + kx - 1];
                                }
                            }

                            output[y, x] = Math.Abs(sum);
                        }
                    }

                    return output;
                }

                public static {{t}}[,] Threshold({{t}}[,] image, {{t}} level)
                {
                    var output = new {{t}}[image.GetLength(0), image.GetLength(1)];
                    for (int y = 0; y < image.GetLength(0); y++)
                    {
                        for (int x = 0; x < image.GetLength(1); x++)
                        {
                            output[y, x] = image[y, x] > level ? 255 : 0;
                        }
                    }

                    return output;
                }
            }
            """;
    }

    private static string FirCascade(Random random, string suffix)
    {
        var taps = CodeBaseWriter.Pick(random, "taps", "coefficients", "weights", "h");
        return $$"""
            public sealed class FirFilter{{suffix}}
            {
                private readonly double[] {{taps}};
                private readonly double[] delay;
                private int position;

                public FirFilter{{suffix}}(int length)
                {
                    {{taps}} = new double[length];
                    delay = new double[length];
                    for (int i = 0; i < length; i++)
                    {
                        {{taps}}[i] = 1.0 / length;
                    }
                }

                public double Process(double sample)
                {
                    delay[position] = sample;
                    double output = 0;
                    for (int i = 0; i < {{taps}}.Length; i++)
                    {
                        output += {{taps}}[i] * delay[(position + i) % delay.Length];
                    }

                    position = (position + 1) % delay.Length;
                    return output;
                }
            }

            public sealed class Equalizer{{suffix}}
            {
                private readonly FirFilter{{suffix}}[] stages = { new FirFilter{{suffix}}(8), new FirFilter{{suffix}}(16), new FirFilter{{suffix}}(4) };
                private readonly double drive = 2.5;

                public double Process(double sample)
                {
                    var output = sample;
                    for (int i = 0; i < stages.Length; i++)
                    {
                        output = stages[i].Process(output);
                    }

                    return Math.Tanh(drive * output);
                }

                public double[] Process(double[] block)
                {
                    var output = new double[block.Length];
                    for (int i = 0; i < block.Length; i++)
                    {
                        output[i] = Process(block[i]);
                    }

                    return output;
                }
            }
            """;
    }

    private static string MarkovChain(Random random, string suffix) => $$"""
        public sealed class MarkovChain{{suffix}}
        {
            private readonly double[,] transition;
            private readonly int states;

            public MarkovChain{{suffix}}(int states)
            {
                this.states = states;
                transition = new double[states, states];
                for (int i = 0; i < states; i++)
                {
                    for (int j = 0; j < states; j++)
                    {
                        transition[i, j] = 1.0 / states;
                    }
                }
            }

            public void Observe(int from, int to, double rate)
            {
                for (int j = 0; j < states; j++)
                {
                    transition[from, j] *= 1 - rate;
                }

                transition[from, to] += rate;
            }

            public double[] Step(double[] distribution)
            {
                var next = new double[states];
                for (int i = 0; i < states; i++)
                {
                    for (int j = 0; j < states; j++)
                    {
                        next[j] += distribution[i] * transition[i, j];
                    }
                }

                return next;
            }

            public double[] Stationary(int iterations)
            {
                var distribution = new double[states];
                distribution[0] = 1;
                for (int k = 0; k < iterations; k++)
                {
                    distribution = Step(distribution);
                }

                return distribution;
            }

            public double[] PageRank(double[,] links, double damping, int iterations)
            {
                int n = links.GetLength(0);
                var rank = new double[n];
                for (int i = 0; i < n; i++)
                {
                    rank[i] = 1.0 / n;
                }

                for (int k = 0; k < iterations; k++)
                {
                    var next = new double[n];
                    for (int i = 0; i < n; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < n; j++)
                        {
                            sum += links[j, i] * rank[j];
                        }

                        next[i] = (1 - damping) / n + damping * sum;
                    }

                    rank = next;
                }

                return rank;
            }
        }
        """;

    private static string LinearRegression(Random random, string suffix)
    {
        var coefficients = CodeBaseWriter.Pick(random, "coefficients", "beta", "weights", "theta");
        return $$"""
            public sealed class LinearRegression{{suffix}}
            {
                private readonly double[] {{coefficients}};
                private double intercept;

                public LinearRegression{{suffix}}(int features)
                {
                    {{coefficients}} = new double[features];
                }

                public double Predict(double[] x)
                {
                    double sum = intercept;
                    for (int j = 0; j < x.Length; j++)
                    {
                        sum += {{coefficients}}[j] * x[j];
                    }

                    return sum;
                }

                public void Fit(double[][] xs, double[] ys, double rate, int epochs)
                {
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        for (int i = 0; i < xs.Length; i++)
                        {
                            var error = Predict(xs[i]) - ys[i];
                            for (int j = 0; j < {{coefficients}}.Length; j++)
                            {
                                {{coefficients}}[j] -= rate * error * xs[i][j];
                            }

                            intercept -= rate * error;
                        }
                    }
                }

                public double MeanSquaredError(double[][] xs, double[] ys)
                {
                    double sum = 0;
                    for (int i = 0; i < xs.Length; i++)
                    {
                        var error = Predict(xs[i]) - ys[i];
                        sum += error * error;
                    }

                    return sum / xs.Length;
                }
            }
            """;
    }

    private static string KalmanFilter(Random random, string suffix) => $$"""
        public sealed class KalmanFilter{{suffix}}
        {
            private readonly double[,] transition = { { 1, 1 }, { 0, 1 } };
            private readonly double[,] covariance = { { 1, 0 }, { 0, 1 } };
            private readonly double[,] processNoise = new double[2, 2];
            private readonly double[] state = new double[2];
            private readonly double measurementNoise;

            public KalmanFilter{{suffix}}(double q, double r)
            {
                processNoise[0, 0] = q;
                processNoise[1, 1] = q;
                measurementNoise = r;
            }

            public double Update(double measurement)
            {
                var predicted = new double[2];
                for (int i = 0; i < 2; i++)
                {
                    for (int j = 0; j < 2; j++)
                    {
                        predicted[i] += transition[i, j] * state[j];
                    }
                }

                var p = new double[2, 2];
                for (int i = 0; i < 2; i++)
                {
                    for (int j = 0; j < 2; j++)
                    {
                        double sum = 0;
                        for (int k = 0; k < 2; k++)
                        {
                            for (int l = 0; l < 2; l++)
                            {
                                sum += transition[i, k] * covariance[k, l] * transition[j, l];
                            }
                        }

                        p[i, j] = sum + processNoise[i, j];
                    }
                }

                var gain0 = p[0, 0] / (p[0, 0] + measurementNoise);
                var gain1 = p[1, 0] / (p[0, 0] + measurementNoise);
                var innovation = measurement - predicted[0];
                state[0] = predicted[0] + gain0 * innovation;
                state[1] = predicted[1] + gain1 * innovation;
                covariance[0, 0] = (1 - gain0) * p[0, 0];
                covariance[0, 1] = (1 - gain0) * p[0, 1];
                covariance[1, 0] = p[1, 0] - gain1 * p[0, 0];
                covariance[1, 1] = p[1, 1] - gain1 * p[0, 1];
                return state[0];
            }
        }
        """;

    private static string NBody(Random random, string suffix) => $$"""
        public sealed class NBody{{suffix}}
        {
            private readonly double[] x, y, vx, vy, mass;

            public NBody{{suffix}}(int bodies, Random random)
            {
                x = new double[bodies];
                y = new double[bodies];
                vx = new double[bodies];
                vy = new double[bodies];
                mass = new double[bodies];
                for (int i = 0; i < bodies; i++)
                {
                    x[i] = random.NextDouble() * 100;
                    y[i] = random.NextDouble() * 100;
                    mass[i] = 1.0;
                }
            }

            public void Step(double dt)
            {
                int n = x.Length;
                var ax = new double[n];
                var ay = new double[n];
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        if (i == j)
                        {
                            continue;
                        }

                        double dx = x[j] - x[i], dy = y[j] - y[i];
                        double d2 = dx * dx + dy * dy + 0.01;
                        double f = mass[j] / (d2 * Math.Sqrt(d2));
                        ax[i] += f * dx;
                        ay[i] += f * dy;
                    }
                }

                for (int i = 0; i < n; i++)
                {
                    vx[i] += ax[i] * dt;
                    vy[i] += ay[i] * dt;
                    x[i] += vx[i] * dt;
                    y[i] += vy[i] * dt;
                }
            }

            public double KineticEnergy()
            {
                double energy = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    energy += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i]);
                }

                return energy;
            }
        }
        """;

    private static string HeatStencil(Random random, string suffix) => $$"""
        public sealed class HeatEquation{{suffix}}
        {
            private double[,] grid;
            private readonly double[,] stencil = { { 0, 0.25, 0 }, { 0.25, 0, 0.25 }, { 0, 0.25, 0 } };

            public HeatEquation{{suffix}}(int size)
            {
                grid = new double[size, size];
                for (int i = 0; i < size; i++)
                {
                    grid[0, i] = 100;
                }
            }

            public void Iterate(int steps)
            {
                int size = grid.GetLength(0);
                for (int step = 0; step < steps; step++)
                {
                    var next = new double[size, size];
                    for (int i = 1; i < size - 1; i++)
                    {
                        for (int j = 1; j < size - 1; j++)
                        {
                            double sum = 0;
                            for (int di = 0; di < 3; di++)
                            {
                                for (int dj = 0; dj < 3; dj++)
                                {
                                    sum += stencil[di, dj] * grid[i + di - 1, j + dj - 1];
                                }
                            }

                            next[i, j] = sum;
                        }
                    }

                    for (int i = 0; i < size; i++)
                    {
                        next[0, i] = grid[0, i];
                    }

                    grid = next;
                }
            }

            public double Average()
            {
                double sum = 0;
                foreach (var cell in grid)
                {
                    sum += cell;
                }

                return sum / grid.Length;
            }
        }
        """;

    private static string Portfolio(Random random, string suffix)
    {
        var weights = CodeBaseWriter.Pick(random, "weights", "allocation", "holdings");
        return $$"""
            public sealed class Portfolio{{suffix}}
            {
                private readonly double[] {{weights}};
                private readonly double[,] covariance;

                public Portfolio{{suffix}}(int assets)
                {
                    {{weights}} = new double[assets];
                    covariance = new double[assets, assets];
                    for (int i = 0; i < assets; i++)
                    {
                        {{weights}}[i] = 1.0 / assets;
                    }
                }

                public void Estimate(double[][] returns)
                {
                    var means = new double[{{weights}}.Length];
                    foreach (var day in returns)
                    {
                        for (int i = 0; i < day.Length; i++)
                        {
                            means[i] += day[i] / returns.Length;
                        }
                    }

                    foreach (var day in returns)
                    {
                        for (int i = 0; i < day.Length; i++)
                        {
                            for (int j = 0; j < day.Length; j++)
                            {
                                covariance[i, j] += (day[i] - means[i]) * (day[j] - means[j]) / returns.Length;
                            }
                        }
                    }
                }

                public double ExpectedReturn(double[] expected)
                {
                    double sum = 0;
                    for (int i = 0; i < {{weights}}.Length; i++)
                    {
                        sum += {{weights}}[i] * expected[i];
                    }

                    return sum;
                }

                public double Risk()
                {
                    double variance = 0;
                    for (int i = 0; i < {{weights}}.Length; i++)
                    {
                        for (int j = 0; j < {{weights}}.Length; j++)
                        {
                            variance += {{weights}}[i] * covariance[i, j] * {{weights}}[j];
                        }
                    }

                    return Math.Sqrt(Math.Max(0, variance));
                }

                public void Rebalance(double[] prices)
                {
                    double total = 0;
                    for (int i = 0; i < prices.Length; i++)
                    {
                        total += {{weights}}[i] * prices[i];
                    }

                    for (int i = 0; i < prices.Length; i++)
                    {
                        {{weights}}[i] = {{weights}}[i] * prices[i] / total;
                    }
                }
            }
            """;
    }

    private static string RandomProjection(Random random, string suffix)
    {
        var projection = CodeBaseWriter.Pick(random, "projection", "sketch", "basis", "r");
        return $$"""
            public sealed class RandomProjection{{suffix}}
            {
                private readonly double[,] {{projection}};
                private readonly Random random;

                public RandomProjection{{suffix}}(int inputDimension, int outputDimension, int seed)
                {
                    random = new Random(seed);
                    {{projection}} = new double[outputDimension, inputDimension];
                    for (int i = 0; i < outputDimension; i++)
                    {
                        for (int j = 0; j < inputDimension; j++)
                        {
                            {{projection}}[i, j] = Gaussian();
                        }
                    }
                }

                public double[] Project(double[] vector)
                {
                    int k = {{projection}}.GetLength(0);
                    var result = new double[k];
                    for (int i = 0; i < k; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < vector.Length; j++)
                        {
                            sum += {{projection}}[i, j] * vector[j];
                        }

                        result[i] = sum / Math.Sqrt(k);
                    }

                    return result;
                }

                public static double[,] RandomMatrix(int rows, int columns, Random random)
                {
                    var matrix = new double[rows, columns];
                    for (int i = 0; i < rows; i++)
                    {
                        for (int j = 0; j < columns; j++)
                        {
                            matrix[i, j] = random.NextDouble();
                        }
                    }

                    return matrix;
                }

                public double EstimatePi(int samples)
                {
                    int inside = 0;
                    for (int i = 0; i < samples; i++)
                    {
                        double x = random.NextDouble(), y = random.NextDouble();
                        if (x * x + y * y <= 1)
                        {
                            inside++;
                        }
                    }

                    return 4.0 * inside / samples;
                }

                private double Gaussian()
                {
                    double u1 = 1.0 - random.NextDouble();
                    double u2 = random.NextDouble();
                    return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
                }
            }
            """;
    }

    private static string Polynomial(Random random, string suffix) => $$"""
        public sealed class Polynomial{{suffix}}
        {
            private readonly double[] coefficients;

            public Polynomial{{suffix}}(params double[] coefficients) => this.coefficients = coefficients;

            public double Evaluate(double x)
            {
                double result = 0;
                for (int i = coefficients.Length - 1; i >= 0; i--)
                {
                    result = result * x + coefficients[i];
                }

                return result;
            }

            public Polynomial{{suffix}} Derivative()
            {
                var derived = new double[Math.Max(1, coefficients.Length - 1)];
                for (int i = 1; i < coefficients.Length; i++)
                {
                    derived[i - 1] = coefficients[i] * i;
                }

                return new Polynomial{{suffix}}(derived);
            }

            public static Polynomial{{suffix}} Fit(double[] xs, double[] ys, int degree)
            {
                int n = degree + 1;
                var normal = new double[n, n];
                var rhs = new double[n];
                for (int k = 0; k < xs.Length; k++)
                {
                    var powers = new double[n];
                    powers[0] = 1;
                    for (int i = 1; i < n; i++)
                    {
                        powers[i] = powers[i - 1] * xs[k];
                    }

                    for (int i = 0; i < n; i++)
                    {
                        rhs[i] += powers[i] * ys[k];
                        for (int j = 0; j < n; j++)
                        {
                            normal[i, j] += powers[i] * powers[j];
                        }
                    }
                }

                for (int i = 0; i < n; i++)
                {
                    for (int k = i + 1; k < n; k++)
                    {
                        var factor = normal[k, i] / normal[i, i];
                        for (int j = i; j < n; j++)
                        {
                            normal[k, j] -= factor * normal[i, j];
                        }

                        rhs[k] -= factor * rhs[i];
                    }
                }

                var solution = new double[n];
                for (int i = n - 1; i >= 0; i--)
                {
                    double sum = rhs[i];
                    for (int j = i + 1; j < n; j++)
                    {
                        sum -= normal[i, j] * solution[j];
                    }

                    solution[i] = sum / normal[i, i];
                }

                return new Polynomial{{suffix}}(solution);
            }
        }
        """;

    private static string FourierTransform(Random random, string suffix) => $$"""
        public static class Fourier{{suffix}}
        {
            public static (double[] Real, double[] Imaginary) Transform(double[] signal)
            {
                int n = signal.Length;
                var real = new double[n];
                var imaginary = new double[n];
                for (int k = 0; k < n; k++)
                {
                    for (int t = 0; t < n; t++)
                    {
                        double angle = 2 * Math.PI * t * k / n;
                        real[k] += signal[t] * Math.Cos(angle);
                        imaginary[k] -= signal[t] * Math.Sin(angle);
                    }
                }

                return (real, imaginary);
            }

            public static double[] Magnitudes(double[] signal)
            {
                var (real, imaginary) = Transform(signal);
                var magnitudes = new double[real.Length];
                for (int k = 0; k < real.Length; k++)
                {
                    magnitudes[k] = Math.Sqrt(real[k] * real[k] + imaginary[k] * imaginary[k]);
                }

                return magnitudes;
            }

            public static double[] Window(double[] signal)
            {
                var window = new double[signal.Length];
                for (int i = 0; i < signal.Length; i++)
                {
                    window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (signal.Length - 1));
                }

                var result = new double[signal.Length];
                for (int i = 0; i < signal.Length; i++)
                {
                    result[i] = window[i] * signal[i];
                }

                return result;
            }
        }
        """;

    private static string ShortestPaths(Random random, string suffix) => $$"""
        public sealed class Graph{{suffix}}
        {
            private readonly double[,] weights;
            private readonly int vertices;

            public Graph{{suffix}}(int vertices)
            {
                this.vertices = vertices;
                weights = new double[vertices, vertices];
                for (int i = 0; i < vertices; i++)
                {
                    for (int j = 0; j < vertices; j++)
                    {
                        weights[i, j] = i == j ? 0 : double.PositiveInfinity;
                    }
                }
            }

            public void AddEdge(int from, int to, double weight) => weights[from, to] = weight;

            public double[,] AllPairs()
            {
                var distance = (double[,])weights.Clone();
                for (int k = 0; k < vertices; k++)
                {
                    for (int i = 0; i < vertices; i++)
                    {
                        for (int j = 0; j < vertices; j++)
                        {
                            if (distance[i, k] + distance[k, j] < distance[i, j])
                            {
                                distance[i, j] = distance[i, k] + distance[k, j];
                            }
                        }
                    }
                }

                return distance;
            }

            public double[] Flow(double[] supply)
            {
                var flow = new double[vertices];
                for (int i = 0; i < vertices; i++)
                {
                    for (int j = 0; j < vertices; j++)
                    {
                        if (!double.IsInfinity(weights[i, j]))
                        {
                            flow[j] += weights[i, j] * supply[i];
                        }
                    }
                }

                return flow;
            }
        }
        """;

    private static string SparseMatrix(Random random, string suffix) => $$"""
        public sealed class SparseMatrix{{suffix}}
        {
            private readonly double[] values;
            private readonly int[] columns;
            private readonly int[] rowStarts;

            public SparseMatrix{{suffix}}(double[] values, int[] columns, int[] rowStarts)
            {
                this.values = values;
                this.columns = columns;
                this.rowStarts = rowStarts;
            }

            public double[] Multiply(double[] vector)
            {
                var result = new double[rowStarts.Length - 1];
                for (int row = 0; row < result.Length; row++)
                {
                    double sum = 0;
                    for (int k = rowStarts[row]; k < rowStarts[row + 1]; k++)
                    {
                        sum += values[k] * vector[columns[k]];
                    }

                    result[row] = sum;
                }

                return result;
            }

            public double[] Jacobi(double[] b, int iterations)
            {
                var x = new double[b.Length];
                for (int iteration = 0; iteration < iterations; iteration++)
                {
                    var next = new double[b.Length];
                    for (int row = 0; row < b.Length; row++)
                    {
                        double diagonal = 1, sum = 0;
                        for (int k = rowStarts[row]; k < rowStarts[row + 1]; k++)
                        {
                            if (columns[k] == row)
                            {
                                diagonal = values[k];
                            }
                            else
                            {
                                sum += values[k] * x[columns[k]];
                            }
                        }

                        next[row] = (b[row] - sum) / diagonal;
                    }

                    x = next;
                }

                return x;
            }
        }
        """;
}
