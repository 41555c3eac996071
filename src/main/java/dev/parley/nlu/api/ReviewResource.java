package dev.parley.nlu.api;

import dev.parley.nlu.review.TurnReviews;
import dev.parley.platform.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/admin/nlu/review}: the learning loop over HTTP. The queue lists customer turns not yet
 * reviewed (fallback turns first, then the least confident); a verdict confirms or corrects a turn's intent
 * and entities and adds it to the training data.
 */
@Path("v1/admin/nlu/review")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: NLU")
public class ReviewResource {

    @Inject
    TurnReviews reviews;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Customer turns waiting for review, fallback and low-confidence turns first; "
            + "X-Total-Count holds how many wait")
    public Response queue(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        List<ReviewItemDto> items = reviews.queue(offset, limit).stream().map(ReviewItemDto::of).toList();
        return Response.ok(items).header("X-Total-Count", reviews.pending()).build();
    }

    @POST
    @Path("{messageId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm or correct a turn: {intent, markup?}; the turn joins the training data "
            + "(source transcript). 409 when it was reviewed already")
    public Map<String, Object> review(@PathParam("messageId") long messageId, ReviewRequest request) {
        if (request == null) {
            throw new DomainException(DomainException.Kind.INVALID, "body-required", "Send {\"intent\": \"...\"}.");
        }
        String verdict = reviews.review(messageId, new TurnReviews.Verdict(request.intent, request.markup),
                security.getUserPrincipal().getName());
        return Map.of("messageId", messageId, "verdict", verdict, "intent", request.intent);
    }
}
