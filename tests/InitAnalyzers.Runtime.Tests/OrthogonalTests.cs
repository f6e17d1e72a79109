using System;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>Saxe et al. 2013: Q^T Q = I (tall or square) or Q Q^T = I (wide), after dividing by gain^2.</summary>
    public class OrthogonalTests
    {
        public static TheoryData<int, int, double> Shapes => new TheoryData<int, int, double>
        {
            { 1, 1, 1.0 },
            { 8, 8, 1.0 },
            { 64, 64, 1.0 },
            { 50, 7, 1.0 },
            { 7, 50, 1.0 },
            { 1, 9, 1.0 },
            { 9, 1, 1.0 },
            { 30, 30, 2.5 },
            { 40, 13, 1.0 / 3.0 },
            { 13, 40, Math.Sqrt(2.0) },
        };

        [Theory]
        [MemberData(nameof(Shapes))]
        public void Orthogonal_doubles_have_orthonormal_rows_or_columns(int rows, int columns, double gain)
        {
            double[,] weights = WeightInit.Orthogonal(new double[rows, columns], gain, seed: rows * 100 + columns);
            AssertOrthonormal((r, c) => weights[r, c], rows, columns, gain, tolerance: 1e-12);
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void Orthogonal_floats_have_orthonormal_rows_or_columns(int rows, int columns, double gain)
        {
            float[,] weights = WeightInit.Orthogonal(new float[rows, columns], gain, seed: rows * 100 + columns);
            AssertOrthonormal((r, c) => weights[r, c], rows, columns, gain, tolerance: 1e-5);
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void Orthogonal_span_array_2D_and_jagged_overloads_give_the_same_matrix(int rows, int columns, double gain)
        {
            const int Seed = 77;
            double[] flat = WeightInit.Orthogonal(new double[rows * columns], rows, columns, gain, seed: Seed);
            double[] span = new double[rows * columns];
            WeightInit.Orthogonal(span.AsSpan(), rows, columns, gain, seed: Seed);
            double[,] matrix = WeightInit.Orthogonal(new double[rows, columns], gain, seed: Seed);
            double[][] jagged = WeightInit.Orthogonal(NewJagged<double>(rows, columns), gain, seed: Seed);
            float[,] single = WeightInit.Orthogonal(new float[rows, columns], gain, seed: Seed);
            float[][] singleJagged = WeightInit.Orthogonal(NewJagged<float>(rows, columns), gain, seed: Seed);
            float[] singleFlat = WeightInit.Orthogonal(new float[rows * columns], rows, columns, gain, seed: Seed);

            Assert.Equal(flat, span);
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    double expected = flat[(r * columns) + c];
                    Assert.Equal(expected, matrix[r, c]);
                    Assert.Equal(expected, jagged[r][c]);

                    // The float overloads round the double matrix.
                    Assert.Equal((float)expected, single[r, c]);
                    Assert.Equal((float)expected, singleJagged[r][c]);
                    Assert.Equal((float)expected, singleFlat[(r * columns) + c]);
                }
            }
        }

        [Fact]
        public void Orthogonal_matrices_are_not_biased_by_the_QR_signs()
        {
            // Without the diag(R) sign correction, Householder QR makes Q[0, 0] always negative. Haar-distributed
            // 4 x 4 matrices have E[Q00] = 0 and E[Q00^2] = 1/4.
            const int Samples = 4000;
            double sum = 0, sumSquares = 0;
            int positive = 0;
            for (int seed = 0; seed < Samples; seed++)
            {
                double q00 = WeightInit.Orthogonal(new double[4, 4], seed: seed)[0, 0];
                sum += q00;
                sumSquares += q00 * q00;
                positive += q00 > 0 ? 1 : 0;
            }

            double standardError = Math.Sqrt(0.25 / Samples);
            Assert.InRange(sum / Samples, -5 * standardError, 5 * standardError);
            Assert.InRange(sumSquares / Samples, 0.25 - 0.02, 0.25 + 0.02);
            Assert.InRange(positive, (Samples / 2) - 200, (Samples / 2) + 200);
        }

        [Fact]
        public void Orthogonal_with_different_seeds_differ_and_with_the_same_seed_repeat()
        {
            double[,] a = WeightInit.Orthogonal(new double[16, 16], seed: 1);
            double[,] b = WeightInit.Orthogonal(new double[16, 16], seed: 1);
            double[,] c = WeightInit.Orthogonal(new double[16, 16], seed: 2);
            Assert.Equal(a, b);
            Assert.NotEqual(a, c);
        }

        private static T[][] NewJagged<T>(int rows, int columns)
        {
            var jagged = new T[rows][];
            for (int r = 0; r < rows; r++)
            {
                jagged[r] = new T[columns];
            }

            return jagged;
        }

        private static void AssertOrthonormal(Func<int, int, double> w, int rows, int columns, double gain, double tolerance)
        {
            // Gram matrix of the shorter side: rows when wide (W W^T), columns when tall (W^T W).
            bool wide = rows < columns;
            int size = wide ? rows : columns;
            int length = wide ? columns : rows;
            double worst = 0;
            for (int i = 0; i < size; i++)
            {
                for (int j = 0; j < size; j++)
                {
                    double dot = 0;
                    for (int k = 0; k < length; k++)
                    {
                        dot += wide ? w(i, k) * w(j, k) : w(k, i) * w(k, j);
                    }

                    double expected = i == j ? 1.0 : 0.0;
                    worst = Math.Max(worst, Math.Abs((dot / (gain * gain)) - expected));
                }
            }

            Assert.True(worst <= tolerance, $"largest deviation from the identity is {worst}");
        }
    }
}
