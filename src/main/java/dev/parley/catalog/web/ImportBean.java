package dev.parley.catalog.web;

import dev.parley.catalog.imports.CatalogImporter;
import dev.parley.catalog.imports.ImportFormat;
import dev.parley.catalog.imports.ImportJob;
import dev.parley.catalog.imports.ImportJobs;
import dev.parley.platform.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/**
 * The import page: upload a product file, watch its progress, read the per-line report. The import runs in
 * the background ({@link ImportJobs}); the page polls the job, so it survives a slow file and any node can
 * show it.
 */
@Named
@ViewScoped
public class ImportBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    transient ImportJobs jobs;

    @Inject
    transient dev.parley.platform.store.StoreProfiles store;

    private String format = ImportFormat.SHOPIFY_CSV.code();
    private String mode = "upsert";
    private String jobId;
    private ImportJob job;
    private transient List<ImportJob> recent;

    /** Starts an import of the uploaded file. */
    public void upload(FileUploadEvent event) {
        try (InputStream in = event.getFile().getInputStream()) {
            String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
            job = jobs.start(ImportFormat.parse(format), "replace".equals(mode) ? CatalogImporter.Mode.REPLACE
                    : CatalogImporter.Mode.UPSERT, event.getFile().getFileName(), in, user);
            jobId = job.id();
            recent = null;
        } catch (DomainException e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Re-reads the job (the page's poll). */
    public void refresh() {
        if (jobId != null) {
            job = jobs.find(jobId);
            if (job.finished()) {
                recent = null;
            }
        }
    }

    /** Shows an earlier job's report. */
    public void show(String id) {
        jobId = id;
        refresh();
    }

    /** Whether a job is shown and still running (the poll stops when not). */
    public boolean isRunning() {
        return job != null && !job.finished();
    }

    public ImportJob getJob() {
        return job;
    }

    public List<ImportJob> getRecent() {
        if (recent == null) {
            recent = jobs.recent(10);
        }
        return recent;
    }

    /** When a job started, in the store's time zone. */
    public String when(ImportJob job) {
        return WHEN.withZone(java.time.ZoneId.of(store.current().timeZone())).format(job.createdAt());
    }

    public ImportFormat[] getFormats() {
        return ImportFormat.values();
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
