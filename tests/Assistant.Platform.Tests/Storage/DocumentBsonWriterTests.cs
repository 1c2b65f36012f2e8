using Assistant.Api.Infrastructure;
using Assistant.Api.Policies;
using Assistant.Platform.Storage;

namespace Assistant.Platform.Tests.Storage;

/// <summary>The embedded store writes documents itself; every byte must be what the mapper wrote before (ADR 0011).</summary>
public sealed class DocumentBsonWriterTests
{
    public enum Mood { Calm, Busy }

    public class Part
    {
        public string? Label { get; set; }
        public int Count { get; set; }
        public List<Part>? Children { get; set; }
    }

    public sealed class SpecialPart : Part
    {
        public string Extra { get; set; } = "x";
    }

    /// <summary>Every kind of value the mapper knows how to write, in one document.</summary>
    public sealed class AllKinds
    {
        public string? Id { get; set; }
        public string Name { get; set; } = "";
        public int Int { get; set; }
        public long Long { get; set; }
        public short Short { get; set; }
        public byte Byte { get; set; }
        public double Double { get; set; }
        public float Float { get; set; }
        public decimal Money { get; set; }
        public decimal? MaybeMoney { get; set; }
        public bool Flag { get; set; }
        public Guid Guid { get; set; }
        public char Char { get; set; }
        public DateTime At { get; set; }
        public DateTime? Deadline { get; set; }
        public Mood Mood { get; set; }
        public Mood? MaybeMood { get; set; }
        public byte[]? Bytes { get; set; }
        public string[]? Words { get; set; }
        public List<int>? Numbers { get; set; }
        public List<string?>? MaybeWords { get; set; }
        public HashSet<Mood>? Moods { get; set; }
        public IReadOnlyList<Part>? Parts { get; set; }
        public IEnumerable<DateTime>? Dates { get; set; }
        public Dictionary<string, int>? Scores { get; set; }
        public Dictionary<Mood, string?>? ByMood { get; set; }
        public IReadOnlyDictionary<string, List<decimal>>? Lists { get; set; }
        public Dictionary<int, Part>? ByNumber { get; set; }
        public Part? Nested { get; set; }
        public int Computed => Int + 1;
    }

    public sealed class Loose
    {
        public string Id { get; set; } = "";
        public object? Anything { get; set; }
    }

    public sealed class WithBase
    {
        public string Id { get; set; } = "";
        public Part? Part { get; set; }
    }

    [Fact]
    public void Writes_every_kind_of_value_exactly_as_the_mapper_does()
    {
        var (written, difference) = DocumentSamples.Compare(typeof(AllKinds), samples: 2_000, seed: 7);
        Assert.Null(difference);
        Assert.Equal(2_000, written);
    }

    [Fact]
    public void Writes_every_api_document_exactly_as_the_mapper_does()
    {
        var schema = new StoreSchema();
        Schema.Declare(schema);
        PolicySetup.Declare(schema);
        Assert.NotEmpty(schema.Collections);
        foreach (var collection in schema.Collections)
        {
            var (written, difference) = DocumentSamples.Compare(collection.DocumentType, samples: 300, seed: 11);
            Assert.Null(difference);
            Assert.True(written > 100, $"{collection.Name}: only {written} samples compared");
        }
    }

    /// <summary>Written by <see cref="Threads_writing_a_type_for_the_first_time_all_write_it_whole"/> only: its plan is made by that race.</summary>
    public sealed class FirstWritten
    {
        public string Id { get; set; } = "";
        public string LinkVisitKey { get; set; } = "";
        public string ContractId { get; set; } = "";
        public int Score { get; set; }
        public DateTime At { get; set; }
        public decimal Money { get; set; }
        public List<string> Tags { get; set; } = [];
        public Dictionary<string, int> Scores { get; set; } = [];
        public Part Part { get; set; } = new();
        public Mood Mood { get; set; }
    }

    [Fact]
    public void Threads_writing_a_type_for_the_first_time_all_write_it_whole()
    {
        var document = new FirstWritten
        {
            Id = "r-1", LinkVisitKey = "LNK-1:1", ContractId = "HT-1", Score = 4, At = DateTime.UtcNow, Money = 12.5m,
            Tags = ["a"], Scores = new() { ["服务态度"] = 5 }, Part = new Part { Label = "x", Count = 2 }, Mood = Mood.Busy,
        };
        var expected = LiteDB.BsonSerializer.Serialize(DocumentBson.CreateMapper().ToDocument(document));
        const int count = 8;
        var written = new byte[]?[count];
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            written[i] = DocumentBsonWriter.TryWrite(document);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(written, bytes => Assert.Equal(expected, bytes));
    }

    [Fact]
    public void A_document_larger_than_the_kept_buffer_is_written_whole_and_so_is_the_next()
    {
        var mapper = DocumentBson.CreateMapper();
        var large = new AllKinds { Id = "large", Name = new string('政', 400_000), Words = ["a", "b"] };
        var small = new AllKinds { Id = "small", Name = "养老" };

        Assert.Equal(LiteDB.BsonSerializer.Serialize(mapper.ToDocument(large)), DocumentBsonWriter.TryWrite(large));
        Assert.Equal(LiteDB.BsonSerializer.Serialize(mapper.ToDocument(small)), DocumentBsonWriter.TryWrite(small));
    }

    [Fact]
    public void Leaves_to_the_mapper_what_it_cannot_write_the_same_way()
    {
        // The mapper names a subclass's type in the document, writes object members by their runtime type, and keeps
        // one of two keys that differ only in case.
        Assert.Null(DocumentBsonWriter.TryWrite(new WithBase { Id = "a", Part = new SpecialPart() }));
        Assert.Null(DocumentBsonWriter.TryWrite(new Loose { Id = "b", Anything = 3 }));
        Assert.Null(DocumentBsonWriter.TryWrite(new AllKinds { Id = "c", Scores = new() { ["Key"] = 1, ["key"] = 2 } }));
        Assert.Null(DocumentBsonWriter.TryWrite<Part>(new SpecialPart()));

        Assert.NotNull(DocumentBsonWriter.TryWrite(new WithBase { Id = "d", Part = new Part() }));
    }

    [Fact]
    public async Task A_document_the_writer_leaves_to_the_mapper_is_stored_and_read_back_all_the_same()
    {
        var dir = Path.Combine(Path.GetTempPath(), "assistant-store-tests", Guid.NewGuid().ToString("N"));
        var schema = WidgetSchema.Create();
        try
        {
            using (var store = new LogStore(dir, "test.db", schema))
            {
                await store.Collection<Widget>().InsertAsync(new Widget { Id = "case", Key = "k", Scores = new() { ["Key"] = 1, ["key"] = 2 } });
                await store.Collection<Widget>().InsertAsync(new Widget { Id = "plain", Key = "p", Scores = new() { ["服务态度"] = 5 } });
            }
            using var reopened = new LogStore(dir, "test.db", schema);
            var stored = (await reopened.Collection<Widget>().GetAsync("case"))!;
            Assert.Equal(2, stored.Scores["Key"]); // as the mapper has always done: one key, the second value
            Assert.Single(stored.Scores);
            Assert.Equal(5, (await reopened.Collection<Widget>().GetAsync("plain"))!.Scores["服务态度"]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
