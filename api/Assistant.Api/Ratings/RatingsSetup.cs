namespace Assistant.Api.Ratings;

public static class RatingsSetup
{
    public static WebApplicationBuilder AddRatings(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RatingOptions>().BindConfiguration(RatingOptions.Section);
        builder.Services.AddSingleton<RatingTokens>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRatingsApi(this IEndpointRouteBuilder app) => app
        .MapRatingLinksApi()
        .MapRatingLinkSheetApi()
        .MapRatingsSubmission()
        .MapRatingReviewApi()
        .MapRectificationsApi();
}
