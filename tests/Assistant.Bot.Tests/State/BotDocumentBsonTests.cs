using Assistant.Bot.State;
using Assistant.Platform.Storage;
using Assistant.Platform.Tests.Storage;

namespace Assistant.Bot.Tests.State;

public sealed class BotDocumentBsonTests
{
    [Fact]
    public void The_embedded_store_writes_every_bot_document_exactly_as_the_mapper_does()
    {
        var schema = new StoreSchema();
        BotSchema.Declare(schema);
        foreach (var collection in schema.Collections)
        {
            var (written, difference) = DocumentSamples.Compare(collection.DocumentType, samples: 300, seed: 13);
            Assert.Null(difference);
            Assert.True(written > 100, $"{collection.Name}: only {written} samples compared");
        }
    }
}
