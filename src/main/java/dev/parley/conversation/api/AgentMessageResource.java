package dev.parley.conversation.api;

import dev.parley.conversation.ConversationService;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/admin/conversations/{id}/messages}: a staff member (admin or agent) writes into a
 * shopper's conversation; the shopper's widget receives it on the push channel. The handoff queue and agent
 * console build on it.
 */
@Path("v1/admin/conversations/{id}/messages")
@RequestScoped
@Tag(name = "Conversations (staff)")
public class AgentMessageResource {

    @Inject
    ConversationService conversations;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write an agent message ({text}, at most 2,000 characters) into a conversation: 204")
    public Response post(@PathParam("id") String id, JsonObject body) {
        if (body == null || !(body.get("text") instanceof JsonString text)) {
            throw new DomainException(Kind.INVALID, "text-required", "Send {\"text\": \"...\"}.");
        }
        conversations.agentMessage(id, security.getUserPrincipal().getName(), text.getString());
        return Response.noContent().build();
    }
}
