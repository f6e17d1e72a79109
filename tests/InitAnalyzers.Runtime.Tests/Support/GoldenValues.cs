namespace InitAnalyzers.Runtime.Tests.Support
{
    /// <summary>
    /// Bit patterns of the first values for seed 42 (see DeterminismTests.Seed_42_gives_the_pinned_values), recorded from
    /// the scalar implementation. HeNormal(double, fanIn 784) starts 0.043840399706144034, -0.020434876566984433, ...
    /// </summary>
    internal static class GoldenValues
    {
        public const int Length = 6;

        public static readonly ulong[] HeNormalDouble =
        {
            0x3FA6723FB5F6817C, 0xBF94ECE15A36444B, 0x3FB03527D7057FDF, 0xBFAFC8AF2DE356C5, 0x3F9B888DA2D06B60, 0x3F9A0B35FC75F171,
        };

        public static readonly ulong[] HeUniformDouble =
        {
            0x3F97AF496B877218, 0xBFAB5FD09531A9B4, 0xBFA99AB22DEEA7CF, 0xBFA689193A7C9237, 0x3FA7B28EDAFB309B, 0xBFB0FEA15BCDA9B6,
        };

        public static readonly uint[] HeNormalSingle =
        {
            0xBD4592CB, 0x3B6B391D, 0x3CC0F0CC, 0x3DB4E311, 0x3D8BF84B, 0x3D6760B4,
        };

        public static readonly uint[] HeUniformSingle =
        {
            0x3CBD7A4B, 0xBD2AB0F2, 0xBD5AFE84, 0x3BEDC8ED, 0xBD4CD591, 0xBD8BC5A9,
        };

        /// <summary>Orthogonal(new double[6], rows: 3, columns: 2, seed: 42), row-major.</summary>
        public static readonly ulong[] Orthogonal3x2 =
        {
            0x3FE132FD74314A48, 0x3FC22786EFB280CA, 0x3FE8D679B1B16F1F, 0xBFDDFC95C28387B6, 0x3FD518DD3D8C28BB, 0x3FEBE746E57DCE9E,
        };
    }
}
