package dev.parley.platform.system.api;

import dev.parley.platform.system.SystemFact;
import dev.parley.platform.system.SystemFacts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dashboard's system facts as JSON, for admins and monitoring scripts. */
@Path("v1/admin/system")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: system")
public class SystemResource {

    @Inject
    SystemFacts facts;

    @GET
    @Operation(summary = "System facts: version, server, database, schema, store")
    public List<SystemFact> facts() {
        return facts.all();
    }
}
