using System;

namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// Random orthogonal matrices as in Saxe, McClelland and Ganguli 2013 ("Exact solutions to the nonlinear dynamics
    /// of learning in deep linear neural networks") and <c>torch.nn.init.orthogonal_</c>: the Q factor of the QR
    /// decomposition of a Gaussian matrix (transposed when it is wide), with each column's sign set so that diag(R) is
    /// positive, which makes Q uniformly (Haar) distributed (Mezzadri 2007, "How to generate random matrices from the
    /// classical compact groups"). Householder reflections in double, using +, -, *, / and Math.Sqrt only, in a fixed
    /// order, so the result is the same on every machine.
    /// </summary>
    internal static class OrthogonalMatrix
    {
        /// <summary>
        /// A rows x columns matrix, row-major, with orthonormal rows (rows &lt;= columns) or orthonormal columns
        /// (rows &gt;= columns), from the Gaussian matrix whose element [r, c] is element r * columns + c of the
        /// standard normal stream of <paramref name="key"/>.
        /// </summary>
        public static double[] Sample(int rows, int columns, PhiloxKey key)
        {
            double[] gaussian = new double[checked(rows * columns)];
            BlockFill.Fill(gaussian.AsSpan(), key, 0, new DoubleNormalSampler(1.0));

            if (rows < columns)
            {
                // Wide: factor A = G^T (columns x rows). Column j of A is row j of G, so G's row-major storage is
                // already A's column-major storage, and Q^T's row-major storage is Q's column-major storage.
                return OrthonormalColumns(gaussian, columns, rows);
            }

            // Tall or square: factor A = G, stored column-major for contiguous Householder updates.
            double[] columnMajor = new double[gaussian.Length];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    columnMajor[(c * rows) + r] = gaussian[(r * columns) + c];
                }
            }

            double[] q = OrthonormalColumns(columnMajor, rows, columns);
            double[] result = gaussian; // reused as the row-major output
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    result[(r * columns) + c] = q[(c * rows) + r];
                }
            }

            return result;
        }

        /// <summary>
        /// The thin Q (m x n, column-major, m &gt;= n) of the Householder QR of <paramref name="a"/> (m x n,
        /// column-major, overwritten), with column k multiplied by the sign of R[k, k].
        /// </summary>
        private static double[] OrthonormalColumns(double[] a, int m, int n)
        {
            double[] tau = new double[n];
            double[] diagonal = new double[n];

            for (int k = 0; k < n; k++)
            {
                int column = k * m;
                double normSquared = 0.0;
                for (int i = k; i < m; i++)
                {
                    normSquared += a[column + i] * a[column + i];
                }

                if (normSquared == 0.0)
                {
                    continue; // a zero column (probability 0): H_k = I, R[k, k] = 0, sign taken as +1
                }

                // v = x - alpha e1 with alpha = -sign(x0) |x|, so x0 - alpha never cancels; R[k, k] = alpha.
                double x0 = a[column + k];
                double alpha = x0 >= 0.0 ? -Math.Sqrt(normSquared) : Math.Sqrt(normSquared);
                a[column + k] = x0 - alpha;
                double vNormSquared = 0.0;
                for (int i = k; i < m; i++)
                {
                    vNormSquared += a[column + i] * a[column + i];
                }

                tau[k] = 2.0 / vNormSquared;
                diagonal[k] = alpha;

                for (int j = k + 1; j < n; j++)
                {
                    Reflect(a, column, tau[k], a, j * m, k, m);
                }
            }

            // Q = H_0 H_1 ... H_{n-1} [I_n; 0], accumulated backwards: H_k touches only rows and columns >= k.
            double[] q = new double[m * n];
            for (int j = 0; j < n; j++)
            {
                q[(j * m) + j] = 1.0;
            }

            for (int k = n - 1; k >= 0; k--)
            {
                if (tau[k] == 0.0)
                {
                    continue;
                }

                for (int j = k; j < n; j++)
                {
                    Reflect(a, k * m, tau[k], q, j * m, k, m);
                }
            }

            for (int j = 0; j < n; j++)
            {
                if (diagonal[j] < 0.0)
                {
                    for (int i = 0; i < m; i++)
                    {
                        q[(j * m) + i] = -q[(j * m) + i];
                    }
                }
            }

            return q;
        }

        /// <summary>y := (I - tau v v^T) y on rows from..m-1, v at <paramref name="vStart"/> in <paramref name="v"/>, y at <paramref name="yStart"/>.</summary>
        private static void Reflect(double[] v, int vStart, double tau, double[] y, int yStart, int from, int m)
        {
            double dot = 0.0;
            for (int i = from; i < m; i++)
            {
                dot += v[vStart + i] * y[yStart + i];
            }

            double scale = tau * dot;
            for (int i = from; i < m; i++)
            {
                y[yStart + i] -= scale * v[vStart + i];
            }
        }
    }
}
