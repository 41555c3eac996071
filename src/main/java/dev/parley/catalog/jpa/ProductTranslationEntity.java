package dev.parley.catalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Row of {@code product_translation}. */
@Entity
@Table(name = "product_translation")
public class ProductTranslationEntity {

    @EmbeddedId
    Key key = new Key();

    @MapsId("productId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    ProductEntity product;

    @Column(nullable = false, length = 512)
    String title;

    @Column(columnDefinition = "MEDIUMTEXT")
    String description;

    /** Primary key: product and locale. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "product_id")
        Long productId;

        @Column(length = 16)
        String locale;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(productId, k.productId) && Objects.equals(locale, k.locale);
        }

        @Override
        public int hashCode() {
            return Objects.hash(productId, locale);
        }
    }
}
