namespace InitAnalyzers.Descriptors;

/// <summary>Diagnostic categories, as shown in the IDE and used by <c>dotnet_analyzer_diagnostic.category-*</c>.</summary>
public static class RuleCategories
{
    /// <summary>Initializations that stop or slow training.</summary>
    public const string Initialization = "Initialization";

    /// <summary>A framework API whose behaviour differs from its name or its documentation.</summary>
    public const string FrameworkUsage = "FrameworkUsage";
}
