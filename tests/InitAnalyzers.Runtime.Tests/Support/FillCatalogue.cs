using System;
using System.Collections.Generic;
using System.Linq;

namespace InitAnalyzers.Runtime.Tests.Support
{
    /// <summary>Fills a span with a given seed (a delegate type, since Span cannot be a generic argument of Func in every language version).</summary>
    public delegate void SpanFill<T>(Span<T> weights, int seed);

    /// <summary>The four overloads (span, array, 2-D, jagged) of one fill for one element type, with fixed scale arguments.</summary>
    public sealed class FillFamily<T>
    {
        public FillFamily(string name, SpanFill<T> span, Func<T[], int, T[]> array, Func<T[,], int, T[,]> matrix, Func<T[][], int, T[][]> jagged)
        {
            Name = name;
            Span = span;
            Array = array;
            Matrix = matrix;
            Jagged = jagged;
        }

        public string Name { get; }

        public SpanFill<T> Span { get; }

        public Func<T[], int, T[]> Array { get; }

        public Func<T[,], int, T[,]> Matrix { get; }

        public Func<T[][], int, T[][]> Jagged { get; }

        public override string ToString() => Name;
    }

    /// <summary>Every random fill of <see cref="WeightInit"/> (all but Orthogonal), as families of overloads.</summary>
    public static class FillCatalogue
    {
        public static IReadOnlyList<FillFamily<double>> Doubles { get; } = new[]
        {
            new FillFamily<double>(
                "HeNormal<double>",
                (w, s) => WeightInit.HeNormal(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.HeNormal(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.HeNormal(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.HeNormal(w, fanIn: 10, seed: s)),
            new FillFamily<double>(
                "HeUniform<double>",
                (w, s) => WeightInit.HeUniform(w, fanIn: 10, activation: Activation.LeakyReLU, negativeSlope: 0.1, seed: s),
                (w, s) => WeightInit.HeUniform(w, fanIn: 10, activation: Activation.LeakyReLU, negativeSlope: 0.1, seed: s),
                (w, s) => WeightInit.HeUniform(w, fanIn: 10, activation: Activation.LeakyReLU, negativeSlope: 0.1, seed: s),
                (w, s) => WeightInit.HeUniform(w, fanIn: 10, activation: Activation.LeakyReLU, negativeSlope: 0.1, seed: s)),
            new FillFamily<double>(
                "XavierNormal<double>",
                (w, s) => WeightInit.XavierNormal(w, fanIn: 10, fanOut: 20, seed: s),
                (w, s) => WeightInit.XavierNormal(w, fanIn: 10, fanOut: 20, seed: s),
                (w, s) => WeightInit.XavierNormal(w, fanIn: 10, fanOut: 20, seed: s),
                (w, s) => WeightInit.XavierNormal(w, fanIn: 10, fanOut: 20, seed: s)),
            new FillFamily<double>(
                "XavierUniform<double>",
                (w, s) => WeightInit.XavierUniform(w, fanIn: 10, fanOut: 20, gain: 2.0, seed: s),
                (w, s) => WeightInit.XavierUniform(w, fanIn: 10, fanOut: 20, gain: 2.0, seed: s),
                (w, s) => WeightInit.XavierUniform(w, fanIn: 10, fanOut: 20, gain: 2.0, seed: s),
                (w, s) => WeightInit.XavierUniform(w, fanIn: 10, fanOut: 20, gain: 2.0, seed: s)),
            new FillFamily<double>(
                "LeCunNormal<double>",
                (w, s) => WeightInit.LeCunNormal(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.LeCunNormal(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.LeCunNormal(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.LeCunNormal(w, fanIn: 10, seed: s)),
            new FillFamily<double>(
                "LeCunUniform<double>",
                (w, s) => WeightInit.LeCunUniform(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.LeCunUniform(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.LeCunUniform(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.LeCunUniform(w, fanIn: 10, seed: s)),
        };

        public static IReadOnlyList<FillFamily<float>> Singles { get; } = new[]
        {
            new FillFamily<float>(
                "HeNormal<float>",
                (w, s) => WeightInit.HeNormal(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.HeNormal(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.HeNormal(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.HeNormal(w, fanIn: 10, seed: s)),
            new FillFamily<float>(
                "HeUniform<float>",
                (w, s) => WeightInit.HeUniform(w, fanIn: 10, activation: Activation.LeakyReLU, negativeSlope: 0.1, seed: s),
                (w, s) => WeightInit.HeUniform(w, fanIn: 10, activation: Activation.LeakyReLU, negativeSlope: 0.1, seed: s),
                (w, s) => WeightInit.HeUniform(w, fanIn: 10, activation: Activation.LeakyReLU, negativeSlope: 0.1, seed: s),
                (w, s) => WeightInit.HeUniform(w, fanIn: 10, activation: Activation.LeakyReLU, negativeSlope: 0.1, seed: s)),
            new FillFamily<float>(
                "XavierNormal<float>",
                (w, s) => WeightInit.XavierNormal(w, fanIn: 10, fanOut: 20, seed: s),
                (w, s) => WeightInit.XavierNormal(w, fanIn: 10, fanOut: 20, seed: s),
                (w, s) => WeightInit.XavierNormal(w, fanIn: 10, fanOut: 20, seed: s),
                (w, s) => WeightInit.XavierNormal(w, fanIn: 10, fanOut: 20, seed: s)),
            new FillFamily<float>(
                "XavierUniform<float>",
                (w, s) => WeightInit.XavierUniform(w, fanIn: 10, fanOut: 20, gain: 2.0, seed: s),
                (w, s) => WeightInit.XavierUniform(w, fanIn: 10, fanOut: 20, gain: 2.0, seed: s),
                (w, s) => WeightInit.XavierUniform(w, fanIn: 10, fanOut: 20, gain: 2.0, seed: s),
                (w, s) => WeightInit.XavierUniform(w, fanIn: 10, fanOut: 20, gain: 2.0, seed: s)),
            new FillFamily<float>(
                "LeCunNormal<float>",
                (w, s) => WeightInit.LeCunNormal(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.LeCunNormal(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.LeCunNormal(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.LeCunNormal(w, fanIn: 10, seed: s)),
            new FillFamily<float>(
                "LeCunUniform<float>",
                (w, s) => WeightInit.LeCunUniform(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.LeCunUniform(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.LeCunUniform(w, fanIn: 10, seed: s),
                (w, s) => WeightInit.LeCunUniform(w, fanIn: 10, seed: s)),
        };

        public static IEnumerable<object[]> DoubleNames => Doubles.Select(f => new object[] { f.Name });

        public static IEnumerable<object[]> SingleNames => Singles.Select(f => new object[] { f.Name });

        public static FillFamily<double> Double(string name) => Doubles.Single(f => f.Name == name);

        public static FillFamily<float> Single(string name) => Singles.Single(f => f.Name == name);

        /// <summary>A jagged array with rows of the given lengths.</summary>
        public static T[][] Jagged<T>(params int[] rowLengths) => rowLengths.Select(n => new T[n]).ToArray();

        /// <summary>A jagged array's rows concatenated.</summary>
        public static T[] Flatten<T>(T[][] jagged) => jagged.SelectMany(row => row).ToArray();

        /// <summary>A 2-D array's elements in row-major order.</summary>
        public static T[] Flatten<T>(T[,] matrix) => matrix.Cast<T>().ToArray();
    }
}
