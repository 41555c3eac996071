package dev.parley.catalog.web;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.CatalogFilter;
import dev.parley.catalog.ProductSummary;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The catalog list page: search by text, filter by type, brand, status and stock, paged from the database. */
@Named
@ViewScoped
public class CatalogListBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Catalog catalog;

    private String text;
    private String type;
    private String vendor;
    private String status;
    private String stock;
    private transient List<String> types;
    private transient List<String> vendors;
    private final Products products = new Products();

    /** The table's rows, loaded one page at a time. */
    public LazyDataModel<ProductSummary> getProducts() {
        return products;
    }

    /** The filter the form describes. */
    CatalogFilter filter() {
        return new CatalogFilter(text, type, vendor, status, stock);
    }

    /** Clears every filter. */
    public void reset() {
        text = null;
        type = null;
        vendor = null;
        status = null;
        stock = null;
    }

    public List<String> getTypes() {
        if (types == null) {
            types = catalog.types();
        }
        return types;
    }

    public List<String> getVendors() {
        if (vendors == null) {
            vendors = catalog.vendors();
        }
        return vendors;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getStock() {
        return stock;
    }

    public void setStock(String stock) {
        this.stock = stock;
    }

    /** Pages of products for the current filter. */
    private final class Products extends LazyDataModel<ProductSummary> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, catalog.count(filter()));
        }

        @Override
        public List<ProductSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return catalog.summaries(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(ProductSummary product) {
            return Long.toString(product.productId());
        }

        @Override
        public ProductSummary getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(p -> Long.toString(p.productId()).equals(rowKey)).findFirst().orElse(null);
        }
    }
}
