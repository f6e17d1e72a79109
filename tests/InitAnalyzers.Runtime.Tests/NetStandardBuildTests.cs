using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Xunit;

namespace InitAnalyzers.Runtime.Tests
{
    /// <summary>
    /// The netstandard2.0 build (which fills 2-D arrays through a pooled buffer instead of a span over the array) gives
    /// the same bits as the net8.0 build the tests reference. It is loaded in its own AssemblyLoadContext.
    /// </summary>
    public class NetStandardBuildTests
    {
        private static readonly Lazy<Assembly> NetStandardRuntime = new Lazy<Assembly>(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "netstandard2.0", "InitAnalyzers.Runtime.dll");
            Assert.True(File.Exists(path), $"{path} is missing; the CopyNetStandardRuntime target in the test project copies it.");
            return new AssemblyLoadContext("InitAnalyzers.Runtime netstandard2.0", isCollectible: true).LoadFromAssemblyPath(path);
        });

        [Fact]
        public void The_loaded_assembly_is_really_the_netstandard2_0_build()
        {
            Assembly assembly = NetStandardRuntime.Value;
            Assert.NotSame(typeof(WeightInit).Assembly, assembly);
            string? framework = assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()?.FrameworkName;
            Assert.Equal(".NETStandard,Version=v2.0", framework);
        }

        [Theory]
        [InlineData("HeNormal")]
        [InlineData("HeUniform")]
        [InlineData("LeCunNormal")]
        [InlineData("LeCunUniform")]
        public void Fan_in_fills_give_the_same_bits_in_both_builds(string method)
        {
            foreach (Type array in new[] { typeof(double[]), typeof(float[]), typeof(double[,]), typeof(float[,]), typeof(double[][]), typeof(float[][]) })
            {
                object?[] Arguments(int seed) => method.StartsWith("He", StringComparison.Ordinal)
                    ? new object?[] { NewWeights(array), 300, Activation.LeakyReLU, 0.2, seed, null }
                    : new object?[] { NewWeights(array), 300, seed, null };
                AssertSameBits(method, array, Arguments);
            }
        }

        [Theory]
        [InlineData("XavierNormal")]
        [InlineData("XavierUniform")]
        public void Xavier_fills_give_the_same_bits_in_both_builds(string method)
        {
            foreach (Type array in new[] { typeof(double[]), typeof(float[]), typeof(double[,]), typeof(float[,]), typeof(double[][]), typeof(float[][]) })
            {
                AssertSameBits(method, array, seed => new object?[] { NewWeights(array), 300, 100, 5.0 / 3.0, seed, null });
            }
        }

        [Fact]
        public void Orthogonal_gives_the_same_bits_in_both_builds()
        {
            AssertSameBits("Orthogonal", typeof(double[,]), seed => new object?[] { new double[9, 5], 1.5, seed, null });
            AssertSameBits("Orthogonal", typeof(float[][]), seed => new object?[] { Enumerable.Range(0, 4).Select(_ => new float[11]).ToArray(), 1.0, seed, null });
            AssertSameBits("Orthogonal", typeof(double[]), seed => new object?[] { new double[42], 6, 7, 1.0, seed, null });
        }

        private static object NewWeights(Type array)
        {
            // 130 x 33 = 4290 elements: more than the 4096-element buffer of the netstandard2.0 2-D path, and odd rows.
            Type element = array.GetElementType()!.IsArray ? array.GetElementType()!.GetElementType()! : array.GetElementType()!;
            if (array.GetArrayRank() == 2)
            {
                return Array.CreateInstance(element, 130, 33);
            }

            if (array.GetElementType()!.IsArray)
            {
                Array jagged = Array.CreateInstance(array.GetElementType()!, 130);
                for (int r = 0; r < 130; r++)
                {
                    jagged.SetValue(Array.CreateInstance(element, 33 + (r % 3)), r);
                }

                return jagged;
            }

            return Array.CreateInstance(element, 4290);
        }

        private static void AssertSameBits(string method, Type array, Func<int, object?[]> arguments)
        {
            foreach (int seed in new[] { 0, 42, -7, int.MaxValue })
            {
                object?[] here = arguments(seed);
                object?[] there = arguments(seed);
                Invoke(typeof(WeightInit), method, array, here);
                Invoke(NetStandardRuntime.Value.GetType(typeof(WeightInit).FullName!, throwOnError: true)!, method, array, there);
                Assert.Equal(Bits((Array)here[0]!), Bits((Array)there[0]!));
                Assert.DoesNotContain(0L, Bits((Array)here[0]!));
            }
        }

        private static void Invoke(Type weightInit, string method, Type array, object?[] arguments)
        {
            MethodInfo target = weightInit.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Single(m => m.Name == method && m.GetParameters()[0].ParameterType == array);
            ParameterInfo[] parameters = target.GetParameters();
            for (int i = 0; i < arguments.Length; i++)
            {
                if (arguments[i] is Activation activation)
                {
                    // The other build has its own Activation type.
                    arguments[i] = Enum.ToObject(parameters[i].ParameterType, (int)activation);
                }
            }

            target.Invoke(null, arguments);
        }

        private static long[] Bits(Array weights) => weights switch
        {
            double[] d => d.Select(BitConverter.DoubleToInt64Bits).ToArray(),
            float[] f => f.Select(v => (long)BitConverter.SingleToInt32Bits(v)).ToArray(),
            double[,] d => d.Cast<double>().Select(BitConverter.DoubleToInt64Bits).ToArray(),
            float[,] f => f.Cast<float>().Select(v => (long)BitConverter.SingleToInt32Bits(v)).ToArray(),
            double[][] d => d.SelectMany(row => row).Select(BitConverter.DoubleToInt64Bits).ToArray(),
            float[][] f => f.SelectMany(row => row).Select(v => (long)BitConverter.SingleToInt32Bits(v)).ToArray(),
            _ => throw new ArgumentException("unexpected weights type", nameof(weights)),
        };
    }
}
