package dev.parley.catalog.api;

import dev.parley.catalog.imports.ImportFormat;
import dev.parley.catalog.imports.ImportJob;
import dev.parley.catalog.imports.ImportJobs;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/admin/catalog/import-jobs}: imports that run in the background, for files too large to
 * wait for; the job reports progress and, when done, the same report as the synchronous import.
 */
@Path("v1/admin/catalog/import-jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: catalog")
public class ImportJobResource {

    @Inject
    ImportJobs jobs;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Consumes({"text/csv", "application/csv", "text/tab-separated-values", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Start a background import: format=shopify|merchant|translations, mode=upsert|replace; "
            + "202 with the job, whose Location reports progress")
    public Response start(@QueryParam("format") @DefaultValue("shopify") String format,
            @QueryParam("mode") @DefaultValue("upsert") String mode, @QueryParam("fileName") String fileName,
            InputStream body) {
        ImportJob job = jobs.start(ImportFormat.parse(format), CatalogImportResource.mode(mode), fileName, body,
                security.getUserPrincipal().getName());
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id()).build()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A background import: status, percent, counts, and the report when done")
    public ImportJob get(@PathParam("id") String id) {
        return jobs.find(id);
    }

    @GET
    @Operation(summary = "The newest background imports (without their reports)")
    public List<ImportJob> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        return jobs.recent(limit);
    }
}
