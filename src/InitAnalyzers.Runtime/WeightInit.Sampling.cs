using System;

namespace InitAnalyzers.Runtime
{
    public static partial class WeightInit
    {
        // The four shapes a fill accepts. Arguments are validated, then the key is resolved (consuming the caller's
        // Random only once nothing can fail any more), then the sampler writes every element.
        private static Span<T> Fill<T, TSampler>(Span<T> weights, TSampler sampler, int? seed, Random? random)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            BlockFill.Fill(weights, PhiloxKeys.Resolve(seed, random), 0, sampler);
            return weights;
        }

        private static T[] Fill<T, TSampler>(T[] weights, TSampler sampler, int? seed, Random? random)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            RequireWeights(weights);
            BlockFill.Fill(weights.AsSpan(), PhiloxKeys.Resolve(seed, random), 0, sampler);
            return weights;
        }

        private static T[,] Fill<T, TSampler>(T[,] weights, TSampler sampler, int? seed, Random? random)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            RequireWeights(weights);
            BlockFill.Fill(weights, PhiloxKeys.Resolve(seed, random), sampler);
            return weights;
        }

        private static T[][] Fill<T, TSampler>(T[][] weights, TSampler sampler, int? seed, Random? random)
            where T : unmanaged
            where TSampler : struct, IGroupSampler<T>
        {
            RequireRows(weights);
            BlockFill.Fill(weights, PhiloxKeys.Resolve(seed, random), sampler);
            return weights;
        }
    }
}
