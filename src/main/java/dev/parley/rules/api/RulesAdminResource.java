package dev.parley.rules.api;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.rules.CompiledRules;
import dev.parley.rules.RuleAuthoring;
import dev.parley.rules.RuleResource;
import dev.parley.rules.RuleStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/admin/rules} (CONTRACT.md): the draft, publishing and rollback, plus versions, diffs,
 * simulation, the audit log and alerts. Admins and merchandisers.
 */
@Path("v1/admin/rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: rules")
public class RulesAdminResource {

    /** The Excel workbook media type. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    RuleAuthoring authoring;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    /** A publish request. */
    public record PublishRequest(String note) {
    }

    @GET
    @Operation(summary = "The draft files and the published (live) version with its files")
    public Map<String, Object> get() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("draft", authoring.draft().stream().map(f -> file(f.resource(), f.updatedBy(), f.updatedAt())).toList());
        RuleAuthoring.Published p = authoring.published();
        if (p == null) {
            out.put("published", null);
        } else {
            Map<String, Object> published = version(p.version());
            published.put("resources", p.files().stream().map(r -> file(r, null, null)).toList());
            out.put("published", published);
        }
        return out;
    }

    @GET
    @Path("versions")
    @Operation(summary = "Published versions, newest first, with the live one marked")
    public List<Map<String, Object>> versions() {
        return authoring.versions().stream().map(RulesAdminResource::version).toList();
    }

    @GET
    @Path("versions/{version}")
    @Operation(summary = "One published version with its files")
    public Map<String, Object> version(@PathParam("version") int version) {
        RuleAuthoring.Published p = authoring.version(version);
        Map<String, Object> out = version(p.version());
        out.put("resources", p.files().stream().map(r -> file(r, null, null)).toList());
        return out;
    }

    @GET
    @Path("diff")
    @Operation(summary = "Unified diffs from one version to another (or to the draft when 'to' is absent or 'draft')")
    public List<RuleAuthoring.FileDiff> diff(@QueryParam("from") String from, @QueryParam("to") String to) {
        int a = parseVersion(from, "from");
        Integer b = to == null || to.isBlank() || to.equals("draft") ? null : parseVersion(to, "to");
        return authoring.diff(a, b);
    }

    @POST
    @Path("publish")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Publish the draft: compiled, trial-run, then live on every node without restart "
            + "(422 with the reasons when it does not compile or fails the trial)")
    public Map<String, Object> publish(PublishRequest request) {
        CompiledRules served = authoring.publish(actor(), request == null ? null : request.note());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", served.version());
        out.put("rules", served.ruleCount());
        out.put("compileMillis", served.compileMillis());
        return out;
    }

    @POST
    @Path("rollback/{version}")
    @Operation(summary = "Make a published version live again on every node")
    public Map<String, Object> rollback(@PathParam("version") int version) {
        authoring.rollback(version, actor());
        return Map.of("version", version);
    }

    @POST
    @Path("simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Price a sample cart under the draft and the published version side by side")
    public Map<String, Object> simulate(QuoteRequest request) {
        if (request == null) {
            throw new DomainException(Kind.INVALID, "missing-body", "Send a cart to simulate.");
        }
        String locale = PricingResource.locale(request.locale(), headers, "en");
        RuleAuthoring.Simulation s = authoring.simulate(request.toPricing(true), locale);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("draft", s.draft() == null ? null : QuoteDto.of(s.draft(), null, locale));
        out.put("draftError", s.draftError());
        out.put("published", QuoteDto.of(s.published(), null, locale));
        return out;
    }

    @GET
    @Path("audit")
    @Operation(summary = "Who changed what, newest first")
    public List<RuleStore.AuditEntry> audit(@QueryParam("limit") @DefaultValue("100") int limit) {
        return authoring.audit(limit);
    }

    @GET
    @Path("alerts")
    @Operation(summary = "Live rules that failed (fire limit, time limit, a throwing rule) and the version that answered instead")
    public List<RuleStore.Alert> alerts(@QueryParam("limit") @DefaultValue("100") int limit) {
        return authoring.alerts(limit);
    }

    @GET
    @Path("{name: .+}")
    @Operation(summary = "One draft file")
    public Map<String, Object> file(@PathParam("name") String name) {
        RuleStore.DraftFile f = authoring.draftFile(RuleResource.checkName(name));
        return file(f.resource(), f.updatedBy(), f.updatedAt());
    }

    @PUT
    @Path("{name: .+}")
    @Consumes({MediaType.TEXT_PLAIN, "text/csv", MediaType.APPLICATION_OCTET_STREAM, XLSX})
    @Operation(summary = "Save a DRL file or decision table (CSV or XLSX) to the draft if the draft still "
            + "compiles: 200 {valid: true}, or 422 with compiler messages (line, column) and nothing saved")
    public Map<String, Object> put(@PathParam("name") String name, byte[] content) {
        if (content == null || content.length == 0) {
            throw new DomainException(Kind.INVALID, "empty-rule-file", "The rule file is empty.");
        }
        authoring.save(name, content, actor());
        return Map.of("valid", true, "name", name);
    }

    @DELETE
    @Path("{name: .+}")
    @Operation(summary = "Remove a file from the draft (422 when the rest would not compile without it)")
    public Map<String, Object> delete(@PathParam("name") String name) {
        authoring.delete(name, actor());
        return Map.of("deleted", true, "name", name);
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }

    static Map<String, Object> file(RuleResource r, String updatedBy, java.time.Instant updatedAt) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", r.name());
        out.put("kind", r.kind().wireName());
        out.put("content", r.wireContent());
        if (!r.kind().isText()) {
            out.put("encoding", "base64");
        }
        if (updatedBy != null) {
            out.put("updatedBy", updatedBy);
            out.put("updatedAt", updatedAt);
        }
        return out;
    }

    static Map<String, Object> version(RuleStore.Version v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", v.version());
        out.put("publishedAt", v.publishedAt());
        out.put("publishedBy", v.publishedBy());
        out.put("source", v.source());
        out.put("note", v.note());
        out.put("rules", v.ruleCount());
        out.put("live", v.live());
        return out;
    }

    private static int parseVersion(String text, String name) {
        try {
            int v = Integer.parseInt(text == null ? "" : text.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DomainException(Kind.INVALID, "bad-version", "'" + name + "' must be a version number.");
        }
    }
}
