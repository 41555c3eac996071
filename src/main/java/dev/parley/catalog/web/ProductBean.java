package dev.parley.catalog.web;

import dev.parley.catalog.AdminProduct;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.Inventory;
import dev.parley.platform.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** The product page: every field, each variant's stock, and stock counts the staff can correct. */
@Named
@ViewScoped
public class ProductBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Catalog catalog;

    @Inject
    transient Inventory inventory;

    private Long id;
    private AdminProduct product;
    private final Map<String, Integer> onHand = new HashMap<>();

    /** Loads the product named by the {@code id} view parameter. */
    public void load() {
        if (id == null) {
            return;
        }
        try {
            product = catalog.adminProduct(id);
            onHand.clear();
            product.variants().forEach(v -> onHand.put(v.sku(), v.onHand()));
        } catch (DomainException e) {
            product = null;
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
    }

    /** Saves each stock count that changed; a count below what checkouts hold is refused for that variant. */
    public void saveStock() {
        int saved = 0;
        for (AdminProduct.Variant v : product.variants()) {
            Integer wanted = onHand.get(v.sku());
            if (wanted == null || wanted == v.onHand()) {
                continue;
            }
            try {
                inventory.setOnHand(v.sku(), wanted);
                saved++;
            } catch (DomainException e) {
                message(FacesMessage.SEVERITY_ERROR, v.sku() + ": " + e.getMessage());
            }
        }
        if (saved > 0) {
            message(FacesMessage.SEVERITY_INFO, "Saved stock of " + saved + " variant(s).");
        }
        load();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public AdminProduct getProduct() {
        return product;
    }

    /** Editable on-hand counts by SKU. */
    public Map<String, Integer> getOnHand() {
        return onHand;
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
