using System;
using System.Collections.Generic;
using System.Linq;
using InitAnalyzers.Runtime.Tests.Support;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>Every overload writes every element, whatever the length modulo the 32 (double) or 64 (float) values of a 16-block group.</summary>
    public class FillCoverageTests
    {
        private static readonly int[] Lengths = Enumerable.Range(1, 20).Concat(new[] { 31, 32, 33, 63, 64, 65, 100, 127, 129, 1001 }).ToArray();

        [Theory]
        [MemberData(nameof(FillCatalogue.DoubleNames), MemberType = typeof(FillCatalogue))]
        public void Every_double_overload_fills_every_element_with_a_finite_nonzero_value(string name)
            => AssertFillsEverything(FillCatalogue.Double(name), v => v != 0 && double.IsFinite(v));

        [Theory]
        [MemberData(nameof(FillCatalogue.SingleNames), MemberType = typeof(FillCatalogue))]
        public void Every_float_overload_fills_every_element_with_a_finite_nonzero_value(string name)
            => AssertFillsEverything(FillCatalogue.Single(name), v => v != 0 && float.IsFinite(v));

        [Fact]
        public void Every_orthogonal_overload_fills_every_element()
        {
            foreach (int length in Lengths)
            {
                foreach ((int rows, int columns) in Shapes(length))
                {
                    Assert.All(WeightInit.Orthogonal(new double[length], rows, columns, seed: length), v => Assert.True(v != 0 && double.IsFinite(v)));
                    Assert.All(WeightInit.Orthogonal(new float[length], rows, columns, seed: length), v => Assert.True(v != 0 && float.IsFinite(v)));
                    var span = new double[length];
                    WeightInit.Orthogonal(span.AsSpan(), rows, columns, seed: length);
                    Assert.All(span, v => Assert.True(v != 0));
                    var spanSingle = new float[length];
                    WeightInit.Orthogonal(spanSingle.AsSpan(), rows, columns, seed: length);
                    Assert.All(spanSingle, v => Assert.True(v != 0));
                    Assert.All(FillCatalogue.Flatten(WeightInit.Orthogonal(new double[rows, columns], seed: length)), v => Assert.True(v != 0));
                    Assert.All(FillCatalogue.Flatten(WeightInit.Orthogonal(new float[rows, columns], seed: length)), v => Assert.True(v != 0));
                    Assert.All(FillCatalogue.Flatten(WeightInit.Orthogonal(FillCatalogue.Jagged<double>(Enumerable.Repeat(columns, rows).ToArray()), seed: length)), v => Assert.True(v != 0));
                    Assert.All(FillCatalogue.Flatten(WeightInit.Orthogonal(FillCatalogue.Jagged<float>(Enumerable.Repeat(columns, rows).ToArray()), seed: length)), v => Assert.True(v != 0));
                }
            }
        }

        [Fact]
        public void Empty_weights_are_returned_unchanged()
        {
            Assert.Empty(WeightInit.HeNormal(Array.Empty<double>(), 10, seed: 1));
            Assert.Empty(WeightInit.HeUniform(new float[0, 5], 10, seed: 1));
            Assert.Empty(WeightInit.XavierNormal(new double[0][], 10, 10, seed: 1));
            Assert.True(WeightInit.LeCunNormal(Span<float>.Empty, 10, seed: 1).IsEmpty);
        }

        [Fact]
        public void The_fills_return_the_instance_they_were_given()
        {
            var array = new double[3];
            var matrix = new float[2, 2];
            var jagged = new[] { new double[2] };
            Assert.Same(array, WeightInit.HeNormal(array, 3));
            Assert.Same(matrix, WeightInit.XavierUniform(matrix, 2, 2));
            Assert.Same(jagged, WeightInit.LeCunUniform(jagged, 2));
            Assert.Same(jagged, WeightInit.Orthogonal(jagged));
        }

        private static IEnumerable<(int Rows, int Columns)> Shapes(int length)
        {
            yield return (1, length);
            if (length > 1)
            {
                yield return (length, 1);
            }

            for (int rows = 2; rows * rows <= length; rows++)
            {
                if (length % rows == 0)
                {
                    yield return (rows, length / rows);
                    yield return (length / rows, rows);
                }
            }
        }

        private static void AssertFillsEverything<T>(FillFamily<T> fill, Func<T, bool> isFilled)
        {
            foreach (int length in Lengths)
            {
                Assert.All(fill.Array(new T[length], length), v => Assert.True(isFilled(v), $"{v} at length {length}"));
                var span = new T[length];
                fill.Span(span.AsSpan(), length);
                Assert.All(span, v => Assert.True(isFilled(v), $"span: {v} at length {length}"));

                // A span that is a window into a larger buffer: the neighbours stay untouched.
                var padded = new T[length + 2];
                fill.Span(padded.AsSpan(1, length), length);
                Assert.Equal(default, padded[0]);
                Assert.Equal(default, padded[length + 1]);

                foreach ((int rows, int columns) in Shapes(length))
                {
                    Assert.All(FillCatalogue.Flatten(fill.Matrix(new T[rows, columns], length)), v => Assert.True(isFilled(v), $"[{rows}, {columns}]: {v}"));
                    Assert.All(FillCatalogue.Flatten(fill.Jagged(FillCatalogue.Jagged<T>(Enumerable.Repeat(columns, rows).ToArray()), length)), v => Assert.True(isFilled(v)));
                }

                // Ragged rows 1, 2, 3, ... adding up to the length.
                var ragged = new List<int>();
                for (int remaining = length, row = 1; remaining > 0; row++)
                {
                    ragged.Add(Math.Min(row, remaining));
                    remaining -= row;
                }

                Assert.All(FillCatalogue.Flatten(fill.Jagged(FillCatalogue.Jagged<T>(ragged.ToArray()), length)), v => Assert.True(isFilled(v)));
            }
        }
    }
}
