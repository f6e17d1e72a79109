using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;

namespace InitExperiment.Data;

/// <summary>
/// The 8x8 handwritten digits (UCI "Optical Recognition of Handwritten Digits", 1797 images), split once into a
/// training and a test set and standardized with the training set's per-pixel mean and standard deviation.
/// </summary>
internal sealed class DigitsDataset
{
    public const int Pixels = 64;
    public const int Classes = 10;

    // The split does not depend on the experiment's seeds: every configuration and seed sees the same data.
    private const int SplitSeed = 1998;

    private DigitsDataset(LabelledImages train, LabelledImages test)
    {
        Train = train;
        Test = test;
    }

    public LabelledImages Train { get; }

    public LabelledImages Test { get; }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "digits.csv.gz");

    /// <summary>Reads the gzipped CSV, holds out a third for testing and keeps at most <paramref name="trainSize"/> training images.</summary>
    public static DigitsDataset Load(string path, int? trainSize = null)
    {
        var (pixels, labels) = ReadCsv(path);
        int count = labels.Count;

        var order = new int[count];
        for (int i = 0; i < count; i++)
            order[i] = i;
        Shuffle(order, new Random(SplitSeed));

        int testCount = count / 3;
        int trainCount = Math.Min(count - testCount, trainSize ?? int.MaxValue);
        var train = Gather(pixels, labels, order.AsSpan(testCount, trainCount));
        var test = Gather(pixels, labels, order.AsSpan(0, testCount));

        Standardize(train, test);
        return new DigitsDataset(train, test);
    }

    private static (List<float[]> Pixels, List<int> Labels) ReadCsv(string path)
    {
        var pixels = new List<float[]>();
        var labels = new List<int>();
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
                continue;
            var fields = line.Split(',');
            if (fields.Length != Pixels + 1)
                throw new InvalidDataException($"{path}: expected {Pixels} pixels and a label, found {fields.Length} fields.");
            var image = new float[Pixels];
            for (int p = 0; p < Pixels; p++)
                image[p] = float.Parse(fields[p], NumberStyles.Float, CultureInfo.InvariantCulture);
            pixels.Add(image);
            labels.Add(int.Parse(fields[Pixels], NumberStyles.Integer, CultureInfo.InvariantCulture));
        }

        return (pixels, labels);
    }

    private static LabelledImages Gather(List<float[]> pixels, List<int> labels, ReadOnlySpan<int> rows)
    {
        var images = new float[rows.Length * Pixels];
        var classes = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            pixels[rows[i]].CopyTo(images, i * Pixels);
            classes[i] = labels[rows[i]];
        }

        return new LabelledImages(images, classes);
    }

    // Zero mean and unit variance per pixel, as the variance arguments of Glorot & Bengio and He et al. assume.
    private static void Standardize(LabelledImages train, LabelledImages test)
    {
        for (int p = 0; p < Pixels; p++)
        {
            double sum = 0, sumOfSquares = 0;
            for (int i = 0; i < train.Count; i++)
            {
                double v = train.Images[i * Pixels + p];
                sum += v;
                sumOfSquares += v * v;
            }

            double mean = sum / train.Count;
            double std = Math.Sqrt(Math.Max(0, sumOfSquares / train.Count - mean * mean));
            // Border pixels that are always blank stay zero instead of dividing by zero.
            double scale = std > 1e-6 ? 1 / std : 1;
            foreach (var set in new[] { train, test })
            {
                for (int i = 0; i < set.Count; i++)
                    set.Images[i * Pixels + p] = (float)((set.Images[i * Pixels + p] - mean) * scale);
            }
        }
    }

    internal static void Shuffle(Span<int> items, Random random)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

/// <summary>Images in row-major order (<see cref="DigitsDataset.Pixels"/> floats each) and their class labels.</summary>
internal sealed record LabelledImages(float[] Images, int[] Labels)
{
    public int Count => Labels.Length;

    public ReadOnlySpan<float> Image(int index) => Images.AsSpan(index * DigitsDataset.Pixels, DigitsDataset.Pixels);
}
