package dev.parley.nlu.api;

import dev.parley.nlu.runtime.NluService;
import dev.parley.platform.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/nlu/parse}: what the assistant reads in a message, without a conversation. */
@Path("v1/nlu")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "NLU")
public class NluResource {

    @Inject
    NluService nlu;

    @POST
    @Path("parse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Intent (with confidence and ranking), entities with character offsets, language and "
            + "model version of one message (1-2,000 characters); uncertain=true below the confidence threshold")
    public ParseResponse parse(ParseRequest request) {
        if (request == null) {
            throw new DomainException(DomainException.Kind.INVALID, "body-required",
                    "Send {\"text\": \"...\", \"locale\": \"en\"}.");
        }
        return ParseResponse.of(nlu.parse(request.text, request.locale));
    }
}
