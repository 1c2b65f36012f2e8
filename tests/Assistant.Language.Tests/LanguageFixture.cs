using Assistant.Language.Intents;

namespace Assistant.Language.Tests;

/// <summary>One trained instance for all tests: training and model building happen once per run.</summary>
public sealed class LanguageFixture
{
    /// <summary>A Wednesday, so "下周五" and "明天" have one right answer.</summary>
    public static readonly DateOnly Today = new(2025, 2, 12);

    public LanguageFixture()
    {
        Classifier = IntentClassifier.Train(LanguageData.IntentExamples());
        Language = new LanguageUnderstanding(classifier: Classifier);
    }

    /// <summary>Trained once and shared by tests that need their own LanguageUnderstanding (options, clock).</summary>
    public IntentClassifier Classifier { get; }

    public LanguageUnderstanding Language { get; }

    public ParseResult Parse(string text) => Language.Parse(text, Today);

    public static IReadOnlyList<IntentExample> HeldOut()
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "HeldOut", "intents-heldout.tsv"));
        return IntentExample.ReadTsv(reader);
    }
}

[CollectionDefinition(Name)]
public sealed class LanguageCollection : ICollectionFixture<LanguageFixture>
{
    public const string Name = "language";
}
