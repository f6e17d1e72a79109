namespace InitAnalyzers.Runtime.Tests.Support
{
    /// <summary>
    /// Bit patterns of chosen elements for seed 42 and fan-in 784 (see DeterminismTests.Seed_42_gives_the_pinned_values),
    /// the same from the scalar path, the Vector&lt;T&gt; path and the AVX-512 path. The indices reach into every row of
    /// the first 16-block group and into later groups, so they pin the group layout as well as the arithmetic.
    /// HeNormal(double) starts 0.043840399706144034, 0.06331109046504889; HeNormal(float) -0.048235696, 0.068344675.
    /// </summary>
    internal static class GoldenValues
    {
        /// <summary>Float elements: rows 0..3 of group 0 (values 0, 16, 32, 48), the end of a row, and groups 1 and 3.</summary>
        public static readonly int[] SingleIndices = { 0, 1, 2, 15, 16, 17, 32, 48, 63, 64, 65, 199 };

        /// <summary>Double elements: rows 0 and 1 of group 0 (values 0, 16), and groups 1 and 3.</summary>
        public static readonly int[] DoubleIndices = { 0, 1, 2, 15, 16, 17, 31, 32, 33, 99 };

        public static readonly uint[] HeNormalSingle =
        {
            0xBD4592CB, 0x3D8BF84B, 0xBD1693B1, 0x3D0ACD58, 0x3B6B3916, 0x3D6760B4, 0x3CC0F0CF, 0x3DB4E311, 0x3C5F8F8E, 0xBE102383, 0xBC34C0E2, 0x3C42437C,
        };

        public static readonly uint[] HeUniformSingle =
        {
            0x3CBD7A4B, 0xBD4CD591, 0x3D3D9477, 0x3BFE6A0D, 0xBD2AB0F2, 0xBD8BC5A9, 0xBD5AFE84, 0x3BEDC8ED, 0xBD1B1AFA, 0xBDAD1502, 0xBCDF39BB, 0xBCA0C467,
        };

        public static readonly ulong[] HeNormalDouble =
        {
            0x3FA6723FB5F6817C, 0x3FB03527D7057FDF, 0x3F9B888DA2D06B60, 0xBFAA855584B6A0BB, 0xBF94ECE15A36444B,
            0xBFAFC8AF2DE356C5, 0xBF94F97412779631, 0xBF9559789FB906C6, 0x3F9FB570953B0078, 0xBFAFD6C8D88A1A42,
        };

        public static readonly ulong[] HeUniformDouble =
        {
            0x3FAC51070410DDE1, 0xBF932FB7246F5AE3, 0x3FB11F3E0B564CD4, 0x3FA86208BDD56329, 0xBF916A98BD2C58FE,
            0x3F96415017E1707F, 0xBFA37B1B9E5E9DD7, 0x3F58528AE549BBD2, 0x3F9ED6CD8AF6FE83, 0x3F83ECDBD51949C6,
        };

        /// <summary>Orthogonal(new double[6], rows: 3, columns: 2, seed: 42), row-major.</summary>
        public static readonly ulong[] Orthogonal3x2 =
        {
            0x3FD77FD8C406C988, 0x3FEDB8998E3BCD71, 0x3FCCD340691D2049, 0xBFA287E52D0D3430, 0xBFECE119940C1CA6, 0x3FD79B3B7B5E4464,
        };
    }
}
