package dev.parley.catalog.imports;

import dev.parley.catalog.jpa.JpaCatalogWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Writes a batch of products in one transaction of its own: all of them, or (on any failure) none. */
@ApplicationScoped
public class ImportBatch {

    @Inject
    JpaCatalogWriter writer;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<JpaCatalogWriter.Written> write(List<ProductGroup> groups, String importId) {
        return writer.writeAll(groups.stream().map(ProductGroup::draft).toList(), importId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markPresent(String handle, String importId) {
        writer.markPresent(handle, importId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int archiveAllExcept(String importId) {
        return writer.archiveAllExcept(importId);
    }
}
