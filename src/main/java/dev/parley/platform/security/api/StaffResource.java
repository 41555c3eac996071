package dev.parley.platform.security.api;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.security.StaffAccounts;
import dev.parley.platform.security.StaffRole;
import dev.parley.platform.security.StaffUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff accounts for the admin: list, create, change roles, password or enabled state. */
@Path("v1/admin/staff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: staff")
public class StaffResource {

    @Inject
    StaffAccounts accounts;

    @GET
    @Operation(summary = "List staff accounts")
    public List<StaffAccountDto> list() {
        return accounts.list().stream().map(StaffAccountDto::of).toList();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One staff account")
    public StaffAccountDto get(@PathParam("username") String username) {
        return accounts.find(username).map(StaffAccountDto::of).orElseThrow(() -> new DomainException(
                Kind.NOT_FOUND, "staff-not-found", "No staff account '" + username + "'."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a staff account")
    public Response create(@NotNull @Valid NewStaffAccount body) {
        StaffUser user = accounts.create(body.username, body.displayName, body.password, roles(body.roles));
        return Response.created(UriBuilder.fromPath("/api/v1/admin/staff/{u}").build(user.username()))
                .entity(StaffAccountDto.of(user)).build();
    }

    @PATCH
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a staff account's password, roles or enabled state")
    public StaffAccountDto change(@PathParam("username") String username, @NotNull @Valid StaffAccountChange body) {
        StaffUser user = accounts.change(username, body.password,
                body.roles == null ? null : roles(body.roles), body.enabled);
        return StaffAccountDto.of(user);
    }

    private static Set<StaffRole> roles(List<String> names) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String name : names) {
            roles.add(StaffRole.parse(name).orElseThrow(() -> new DomainException(Kind.INVALID, "unknown-role",
                    "Unknown role '" + name + "'; roles are admin, merchandiser, agent, analyst.")));
        }
        return roles;
    }
}
