using Assistant.Api.Projects;
using Assistant.Api.Ratings;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Assistant.Platform.Tests.Storage;

/// <summary>What can be checked of the MongoDB side without a server: class maps, rendered filters, index definitions.</summary>
public sealed class MongoMappingTests
{
    static MongoMappingTests() => MongoConventions.Register();

    private static BsonDocument Render<T>(FilterDefinition<T> filter) =>
        filter.Render(new RenderArgs<T>(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry));

    [Fact]
    public void Project_round_trips_with_camel_case_string_enums_and_decimal128()
    {
        var project = new Project
        {
            Id = "SY-2026-001", Name = "上虞区居家养老上门服务项目", Department = "上虞区民政局", Region = "上虞区",
            CatalogueCode = "A0101", Category = "居家养老服务", Budget = 680_000.50m, Method = PurchaseMethod.OpenTender,
            Status = ProjectStatus.Bidding, BidDeadline = new DateTime(2026, 12, 12, 9, 0, 0, DateTimeKind.Utc),
            Requirements = new ProjectRequirements { MinYearsEstablished = 2, ProviderKinds = [ProviderKind.SocialOrganisation] },
        };
        var bson = project.ToBsonDocument();

        Assert.Equal("SY-2026-001", bson["_id"].AsString);
        Assert.Equal("Bidding", bson["status"].AsString);
        Assert.Equal("OpenTender", bson["method"].AsString);
        Assert.Equal(BsonType.Decimal128, bson["budget"].BsonType);
        Assert.Equal(2, bson["requirements"]["minYearsEstablished"].AsInt32);

        bson["somethingNewer"] = "ignored";
        var back = BsonSerializer.Deserialize<Project>(bson);
        Assert.Equal(680_000.50m, back.Budget);
        Assert.Equal(ProjectStatus.Bidding, back.Status);
        Assert.Equal(DateTimeKind.Utc, back.BidDeadline!.Value.Kind);
        Assert.Equal([ProviderKind.SocialOrganisation], back.Requirements.ProviderKinds);
    }

    [Fact]
    public void Rating_dimensions_round_trip_as_a_subdocument()
    {
        var rating = new Rating
        {
            Id = "key-1", ContractId = "HT-1", ProjectId = "P", OrganisationId = "O", LinkVisitKey = "L|1", Score = 2,
            Dimensions = new() { ["服务态度"] = 3 },
        };
        var back = BsonSerializer.Deserialize<Rating>(rating.ToBsonDocument());
        Assert.Equal(3, back.Dimensions["服务态度"]);
        Assert.Equal("L|1", back.LinkVisitKey);
    }

    [Fact]
    public void Project_list_filter_renders_to_the_expected_query()
    {
        System.Linq.Expressions.Expression<Func<Project, bool>> filter = p => p.Status != ProjectStatus.Draft;
        filter = filter.And(p => p.Region == "上虞区").And(p => p.SearchText.Contains("养老"));
        var rendered = Render(Builders<Project>.Filter.Where(filter));

        Assert.Equal("Draft", rendered["status"]["$ne"].AsString);
        Assert.Equal("上虞区", rendered["region"].AsString);
        Assert.Equal("养老", rendered["searchText"].AsBsonRegularExpression.Pattern);
    }

    [Fact]
    public void Optimistic_replace_filters_on_id_and_version()
    {
        var rendered = Render(Builders<Project>.Filter.Eq("_id", "SY-1") & Builders<Project>.Filter.Eq("version", 3L));
        Assert.Equal("SY-1", rendered["_id"].AsString);
        Assert.Equal(3L, rendered["version"].AsInt64);
    }

    [Fact]
    public void Declared_indexes_become_named_mongo_indexes_with_camel_case_keys()
    {
        var schema = new StoreSchema();
        Assistant.Api.Infrastructure.Schema.Declare(schema);
        var ratings = schema.For(typeof(Rating));
        var models = MongoStore.IndexModels<Rating>(ratings).ToList();
        var unique = models.Single(m => m.Options.Name == "ux_ratings_link_visit");

        Assert.True(unique.Options.Unique);
        var keys = unique.Keys.Render(new RenderArgs<Rating>(BsonSerializer.SerializerRegistry.GetSerializer<Rating>(), BsonSerializer.SerializerRegistry));
        Assert.Equal(new BsonDocument("linkVisitKey", 1), keys);
        Assert.All(schema.Collections.SelectMany(c => c.Indexes), i => Assert.Matches("^(ix|ux)_[a-z_]+$", i.Name));
    }
}
