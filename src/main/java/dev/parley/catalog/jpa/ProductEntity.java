package dev.parley.catalog.jpa;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Row of {@code product} with its tags, variants and translations. */
@Entity
@Table(name = "product")
public class ProductEntity {

    @Id
    @TableGenerator(name = "product_ids", table = "id_sequence", pkColumnName = "name", valueColumnName = "next_val",
            pkColumnValue = "product", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "product_ids")
    Long id;

    @Column(nullable = false, unique = true)
    String handle;

    @Column(nullable = false, length = 512)
    String title;

    @Column(name = "body_html", columnDefinition = "MEDIUMTEXT")
    String bodyHtml;

    String vendor;

    @Column(name = "product_type")
    String productType;

    @Column(length = 512)
    String category;

    @Column(length = 16)
    String gender;

    @Column(length = 4000)
    String tags;

    @Column(name = "option1_name")
    String option1Name;

    @Column(name = "option2_name")
    String option2Name;

    @Column(name = "option3_name")
    String option3Name;

    @Column(name = "image_url", length = 2048)
    String imageUrl;

    @Column(nullable = false, length = 16)
    String status = "active";

    @Column(nullable = false)
    int popularity;

    @Column(name = "last_import_id", length = 36)
    String lastImportId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "product_tag", joinColumns = @JoinColumn(name = "product_id"))
    @Column(name = "tag")
    Set<String> tagSet = new HashSet<>();

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    List<VariantEntity> variants = new ArrayList<>();

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    List<ProductTranslationEntity> translations = new ArrayList<>();
}
