package dev.parley.catalog.api;

import dev.parley.catalog.imports.CatalogImporter;
import dev.parley.catalog.imports.GoogleMerchantFeed;
import dev.parley.catalog.imports.ImportReport;
import dev.parley.catalog.imports.TranslationImporter;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.store.StoreProfiles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/admin/catalog/import}: a Shopify product CSV or a Merchant Center feed, streamed. */
@Path("v1/admin/catalog/import")
@RequestScoped
@Tag(name = "Admin: catalog")
public class CatalogImportResource {

    @Inject
    CatalogImporter importer;

    @Inject
    TranslationImporter translations;

    @Inject
    StoreProfiles store;

    @POST
    @Consumes({"text/csv", "application/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a Shopify product CSV (mode=upsert adds and updates; mode=replace also archives "
            + "products absent from the file)")
    public ImportReport importCsv(@QueryParam("mode") @DefaultValue("upsert") String mode, InputStream csv) {
        return importer.importShopifyCsv(csv, mode(mode));
    }

    @POST
    @Consumes("text/tab-separated-values")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a Google Merchant Center product feed (TSV); items sharing item_group_id become "
            + "one product's variants")
    public ImportReport importMerchantFeed(@QueryParam("mode") @DefaultValue("upsert") String mode,
            InputStream tsv) {
        return importer.importFeed(new GoogleMerchantFeed(CatalogImporter.utf8(tsv),
                store.current().currency().getCurrencyCode()), mode(mode));
    }

    /** The import mode named by {@code mode}; a clear 400 otherwise. */
    static CatalogImporter.Mode mode(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "upsert" -> CatalogImporter.Mode.UPSERT;
            case "replace" -> CatalogImporter.Mode.REPLACE;
            default -> throw new DomainException(Kind.INVALID, "invalid-import-mode",
                    "mode is 'upsert' or 'replace', not '" + mode + "'.");
        };
    }

    @POST
    @Path("translations")
    @Consumes({"text/csv", "application/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import localised titles and descriptions: CSV columns handle, locale, title, description")
    public ImportReport importTranslations(InputStream csv) {
        return translations.importCsv(new java.io.InputStreamReader(csv, java.nio.charset.StandardCharsets.UTF_8));
    }
}
