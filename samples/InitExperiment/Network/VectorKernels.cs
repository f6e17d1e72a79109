using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace InitExperiment.Network;

/// <summary>
/// The two loops every dense layer spends its time in. Fixed 8-lane vectors (not <c>Vector&lt;T&gt;</c>, whose
/// width depends on the machine) keep the order of additions, and so the results, the same wherever it runs.
/// </summary>
internal static class VectorKernels
{
    /// <summary>y += a * x.</summary>
    public static void AddScaled(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        if (y.Length < x.Length)
            throw new ArgumentException("y is shorter than x.", nameof(y));
        int n = x.Length;
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float ys = ref MemoryMarshal.GetReference(y);
        var scale = Vector256.Create(a);
        int i = 0;
        for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var sum = Vector256.LoadUnsafe(ref ys, (nuint)i) + scale * Vector256.LoadUnsafe(ref xs, (nuint)i);
            sum.StoreUnsafe(ref ys, (nuint)i);
        }

        for (; i < n; i++)
            Unsafe.Add(ref ys, i) += a * Unsafe.Add(ref xs, i);
    }

    /// <summary>The dot product of x and y.</summary>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (y.Length < x.Length)
            throw new ArgumentException("y is shorter than x.", nameof(y));
        int n = x.Length;
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float ys = ref MemoryMarshal.GetReference(y);
        var lanes = Vector256<float>.Zero;
        int i = 0;
        for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            lanes += Vector256.LoadUnsafe(ref xs, (nuint)i) * Vector256.LoadUnsafe(ref ys, (nuint)i);

        float sum = 0;
        for (int lane = 0; lane < Vector256<float>.Count; lane++)
            sum += lanes.GetElement(lane);
        for (; i < n; i++)
            sum += Unsafe.Add(ref xs, i) * Unsafe.Add(ref ys, i);
        return sum;
    }
}
