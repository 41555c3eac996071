package dev.parley.nlu.api;

import dev.parley.nlu.runtime.IntentTraining;
import dev.parley.nlu.runtime.ModelVersion;
import dev.parley.nlu.runtime.ModelVersions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/admin/nlu/models}: intent model versions. {@code POST} starts a training run in the
 * background (202, its Location reports progress); a finished run goes live by itself when it is not worse
 * on validation than the live model, and {@code POST {version}/promote} makes any trained version live
 * (overriding that check, or rolling back).
 */
@Path("v1/admin/nlu/models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: NLU")
public class NluModelResource {

    @Inject
    ModelVersions versions;

    @Inject
    IntentTraining training;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Train a new version from the stored training examples, in the background: 202 with "
            + "the version; 409 while another run trains")
    public Response train() {
        int version = training.start(security.getUserPrincipal().getName());
        return Response.accepted(versions.find(version))
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(version)).build()).build();
    }

    @GET
    @Operation(summary = "Versions, newest first: status (training, live, trained, retired, rejected, failed), "
            + "progress, validation accuracy and macro-F1, decision")
    public List<ModelVersion> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        return versions.list(limit);
    }

    @GET
    @Path("{version}")
    @Operation(summary = "One version with its training report: metrics per language and intent, confusion matrix")
    public ModelVersionDetail get(@PathParam("version") int version) {
        return new ModelVersionDetail(versions.find(version), versions.report(version).orElse(null));
    }

    @POST
    @Path("{version}/promote")
    @Operation(summary = "Make a trained version live on every node (admin override of the validation check)")
    public ModelVersion promote(@PathParam("version") int version) {
        versions.promote(version, security.getUserPrincipal().getName());
        return versions.find(version);
    }
}
