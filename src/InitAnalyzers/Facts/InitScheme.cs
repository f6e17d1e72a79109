namespace InitAnalyzers.Facts;

/// <summary>The fan-scaled schemes a fix can write; names match <c>InitAnalyzers.Runtime.WeightInit</c>'s methods.</summary>
internal enum InitScheme
{
    HeNormal,
    HeUniform,
    XavierNormal,
    XavierUniform,
    LeCunNormal,
    LeCunUniform,
}
