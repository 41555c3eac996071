package dev.parley.conversation.api;

import dev.parley.conversation.Conversations;
import dev.parley.conversation.ConversationService;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The push channel: {@code GET /api/v1/conversations/{id}/events}, Server-Sent Events carrying the messages a
 * shopper did not ask for in their own request (an agent's messages; later, proactive prompts), each with its
 * sequence number as the event id. The stream reads the database, so a message written on any node reaches
 * the widget, and a reconnecting browser resumes after {@code Last-Event-ID} (or {@code ?after=<seq>}).
 * A stream is closed after {@value #LIFETIME_SECONDS} s; the browser's EventSource reconnects by itself.
 */
@Path("v1/conversations/{id}/events")
@RequestScoped
@Tag(name = "Conversations")
public class ConversationEventsResource {

    private static final Logger LOG = Logger.getLogger(ConversationEventsResource.class.getName());
    static final long POLL_MILLIS = 1000;
    static final long HEARTBEAT_SECONDS = 15;
    static final long LIFETIME_SECONDS = 300;

    @Inject
    ConversationService conversations;

    @Inject
    Conversations store;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events: agent messages (and later proactive prompts) as they are written; "
            + "resumes after Last-Event-ID or ?after=<seq>")
    public void events(@PathParam("id") String id, @QueryParam("after") String after,
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId, @Context SseEventSink sink,
            @Context Sse sse) {
        conversations.conversation(id);
        int start = cursor(lastEventId != null ? lastEventId : after, id);
        long opened = System.nanoTime();
        int[] cursor = {start};
        long[] lastSent = {System.nanoTime()};
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (sink.isClosed()) {
                    task.get().cancel(false);
                    return;
                }
                List<Conversations.Message> fresh = store.pushedAfter(id, cursor[0], 50);
                for (Conversations.Message m : fresh) {
                    sink.send(sse.newEventBuilder().id(Integer.toString(m.seq())).name("message")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(ConversationResource.entry(m).toString())
                            .build());
                    cursor[0] = m.seq();
                    lastSent[0] = System.nanoTime();
                }
                long now = System.nanoTime();
                if (now - opened > TimeUnit.SECONDS.toNanos(LIFETIME_SECONDS)) {
                    sink.close();
                    task.get().cancel(false);
                } else if (now - lastSent[0] > TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS)) {
                    sink.send(sse.newEventBuilder().comment("keep-alive").build());
                    lastSent[0] = now;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "push stream for " + id + " ended", e);
                try {
                    sink.close();
                } catch (RuntimeException ignored) {
                    // already closed
                }
                ScheduledFuture<?> f = task.get();
                if (f != null) {
                    f.cancel(false);
                }
            }
        }, 0, POLL_MILLIS, TimeUnit.MILLISECONDS));
    }

    private int cursor(String given, String id) {
        if (given == null || given.isBlank()) {
            return store.lastSeq(id);
        }
        try {
            int seq = Integer.parseInt(given.strip());
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw new DomainException(Kind.INVALID, "bad-cursor", "'after' / Last-Event-ID is a message sequence number.");
        }
    }
}
