package dev.parley.catalog.jpa;

import dev.parley.catalog.imports.ImportJob;
import dev.parley.catalog.imports.ImportReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores import jobs; each change is its own short transaction so progress is visible at once to every node. */
@ApplicationScoped
public class JpaImportJobs {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String id, String format, String mode, String fileName, long totalBytes, String createdBy,
            String node) {
        ImportJobEntity e = new ImportJobEntity();
        e.id = id;
        e.format = format;
        e.mode = mode;
        e.fileName = fileName == null ? null : fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        e.status = "queued";
        e.totalBytes = totalBytes;
        e.createdBy = createdBy;
        e.node = node;
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        em.persist(e);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(String id, long readBytes, int products, int variants, int errorCount) {
        em.createQuery("update ImportJobEntity j set j.status = 'running', j.readBytes = :r, j.products = :p, "
                        + "j.variants = :v, j.errorCount = :e, j.updatedAt = :now where j.id = :id")
                .setParameter("r", readBytes).setParameter("p", products).setParameter("v", variants)
                .setParameter("e", errorCount).setParameter("now", Instant.now()).setParameter("id", id)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void done(String id, ImportReport report) {
        ImportJobEntity e = em.find(ImportJobEntity.class, id);
        e.status = "done";
        e.readBytes = e.totalBytes;
        e.products = report.products();
        e.variants = report.variants();
        e.errorCount = report.errorCount();
        e.report = JSON.toJson(report);
        e.updatedAt = Instant.now();
        e.finishedAt = e.updatedAt;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String id, String failure) {
        ImportJobEntity e = em.find(ImportJobEntity.class, id);
        e.status = "failed";
        e.failure = failure.length() > 2000 ? failure.substring(0, 2000) : failure;
        e.updatedAt = Instant.now();
        e.finishedAt = e.updatedAt;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ImportJob> find(String id) {
        return Optional.ofNullable(em.find(ImportJobEntity.class, id)).map(JpaImportJobs::view);
    }

    /** The newest jobs, without their reports. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImportJob> recent(int limit) {
        return em.createQuery("select j from ImportJobEntity j order by j.createdAt desc", ImportJobEntity.class)
                .setMaxResults(limit).getResultList().stream().map(j -> {
                    String report = j.report;
                    j.report = null;
                    ImportJob view = view(j);
                    j.report = report;
                    return view;
                }).toList();
    }

    private static ImportJob view(ImportJobEntity e) {
        String status = e.status;
        if ((status.equals("running") || status.equals("queued"))
                && e.updatedAt.isBefore(Instant.now().minus(ImportJob.STALE_AFTER))) {
            status = "interrupted";
        }
        int percent = e.status.equals("done") ? 100
                : e.totalBytes == 0 ? 0 : (int) Math.min(99, e.readBytes * 100 / e.totalBytes);
        ImportReport report = e.report == null ? null : JSON.fromJson(e.report, ImportReport.class);
        return new ImportJob(e.id, e.format, e.mode, e.fileName, status, e.totalBytes, e.readBytes, percent,
                e.products, e.variants, e.errorCount, report, e.failure, e.createdBy, e.createdAt, e.finishedAt);
    }
}
