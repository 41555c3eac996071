package dev.parley.catalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code import_job}: one background import, its progress and its report. */
@Entity
@Table(name = "import_job")
public class ImportJobEntity {

    @Id
    String id;

    @Column(nullable = false)
    String format;

    @Column(nullable = false)
    String mode;

    @Column(name = "file_name")
    String fileName;

    @Column(nullable = false)
    String status;

    @Column(name = "total_bytes", nullable = false)
    long totalBytes;

    @Column(name = "read_bytes", nullable = false)
    long readBytes;

    @Column(nullable = false)
    int products;

    @Column(nullable = false)
    int variants;

    @Column(name = "error_count", nullable = false)
    int errorCount;

    @Column
    String report;

    @Column
    String failure;

    @Column
    String node;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "finished_at")
    Instant finishedAt;
}
