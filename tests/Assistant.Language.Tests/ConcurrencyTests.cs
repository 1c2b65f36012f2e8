namespace Assistant.Language.Tests;

[Collection(LanguageCollection.Name)]
public sealed class ConcurrencyTests(LanguageFixture fixture)
{
    [Fact]
    public void Parallel_turns_get_the_same_answers_as_one_at_a_time()
    {
        var texts = LanguageFixture.HeldOut().Select(e => e.Text).ToArray();
        var sequential = texts.Select(t => Describe(fixture.Parse(t))).ToArray();

        var parallel = new string[texts.Length * 4];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i] = Describe(fixture.Parse(texts[i % texts.Length])));

        for (var i = 0; i < parallel.Length; i++) Assert.Equal(sequential[i % texts.Length], parallel[i]);
    }

    private static string Describe(ParseResult r) =>
        $"{r.Intent.Name}:{r.Intent.Confidence:F4}|" + string.Join(";", r.Entities.Select(e => $"{e.Type}={e.Value}@{e.Start}"));
}
