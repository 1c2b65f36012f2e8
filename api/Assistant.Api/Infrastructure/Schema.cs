using Assistant.Api.Accounts;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Bids;
using Assistant.Api.Clarifications;
using Assistant.Api.Blacklist;
using Assistant.Api.Catalogue;
using Assistant.Api.Contracting;
using Assistant.Api.Evaluations;
using Assistant.Api.Organisations;
using Assistant.Api.Plans;
using Assistant.Api.Projects;
using Assistant.Api.Ratings;
using Assistant.Platform.Storage;

namespace Assistant.Api.Infrastructure;

/// <summary>Every collection the API stores and its named indexes, in one place; applied at start-up on either engine.</summary>
public static class Schema
{
    public static void Declare(StoreSchema schema)
    {
        schema.Collection<CatalogueItem>("catalogue")
            .Index("ix_catalogue_code", x => x.Code)
            .Index("ix_catalogue_year", x => x.Year);
        schema.Collection<Project>("projects")
            .Index("ix_projects_status", x => x.Status)
            .Index("ix_projects_region", x => x.Region)
            .Index("ix_projects_department", x => x.Department)
            .Index("ix_projects_catalogue", x => x.CatalogueCode)
            .Index("ix_projects_bid_deadline", x => x.BidDeadline);
        schema.Collection<Organisation>("organisations")
            .Index("ux_organisations_credit_code", x => x.CreditCode, unique: true);
        schema.Collection<Bid>("bids")
            .Index("ix_bids_project", x => x.ProjectId)
            .Index("ix_bids_organisation", x => x.OrganisationId);
        schema.Collection<ClarificationQuestion>("clarifications")
            .Index("ix_clarifications_project", x => x.ProjectId);
        schema.Collection<Contract>("contracts")
            .Index("ix_contracts_project", x => x.ProjectId)
            .Index("ix_contracts_organisation", x => x.OrganisationId);
        schema.Collection<Rating>("ratings")
            .Index("ux_ratings_link_visit", x => x.LinkVisitKey, unique: true)
            .Index("ix_ratings_contract", x => x.ContractId)
            .Index("ix_ratings_organisation", x => x.OrganisationId);
        schema.Collection<RatingLink>("rating_links")
            .Index("ix_rating_links_contract", x => x.ContractId);
        schema.Collection<RectificationCase>("rectifications")
            .Index("ix_rectifications_organisation", x => x.OrganisationId)
            .Index("ix_rectifications_project", x => x.ProjectId);
        schema.Collection<Evaluation>("evaluations")
            .Index("ix_evaluations_contract", x => x.ContractId)
            .Index("ix_evaluations_organisation", x => x.OrganisationId);
        schema.Collection<ProjectEvaluationWeights>("evaluation_weights");
        schema.Collection<BlacklistEntry>("blacklist")
            .Index("ix_blacklist_credit_code", x => x.CreditCode)
            .Index("ix_blacklist_organisation", x => x.OrganisationId);
        schema.Collection<AuditEvent>("audit")
            .Index("ix_audit_project", x => x.ProjectId)
            .Index("ix_audit_entity", x => x.EntityId);
        schema.Collection<PurchasePlan>("plans")
            .Index("ix_plans_year", x => x.Year);
        schema.Collection<User>("users");
        schema.Collection<Secret>("secrets");
        schema.Collection<AccountLinkCode>("account_links")
            .Index("ix_account_links_user", x => x.Username);
        schema.Collection<LinkAttempts>("link_attempts");
    }
}
