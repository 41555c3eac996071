package dev.parley.catalog.jpa;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** Row of {@code variant}. */
@Entity
@Table(name = "variant")
public class VariantEntity {

    @Id
    @TableGenerator(name = "variant_ids", table = "id_sequence", pkColumnName = "name", valueColumnName = "next_val",
            pkColumnValue = "variant", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "variant_ids")
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    ProductEntity product;

    @Column(nullable = false, unique = true, length = 128)
    String sku;

    @Column(nullable = false)
    String option1 = "";

    @Column(nullable = false)
    String option2 = "";

    @Column(nullable = false)
    String option3 = "";

    @Column(nullable = false, precision = 12, scale = 2)
    BigDecimal price;

    @Column(name = "compare_at_price", precision = 12, scale = 2)
    BigDecimal compareAtPrice;

    @Column(nullable = false)
    int position;

    Integer grams;

    @Column(length = 64)
    String barcode;

    @Column(name = "image_url", length = 2048)
    String imageUrl;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    @OneToOne(mappedBy = "variant", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    InventoryEntity inventory;
}
