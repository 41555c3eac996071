package dev.parley.catalog;

import java.util.List;

/**
 * A product as an import describes it, before it is written.
 *
 * @param handle the shop's stable product key
 * @param title title in the catalog's own language
 * @param bodyHtml description (HTML), may be null
 * @param vendor brand, may be null
 * @param type product type, may be null
 * @param category taxonomy path, may be null
 * @param gender male, female, unisex or null
 * @param tags tags in file order, lower-case and trimmed
 * @param optionNames names of up to three options ({@code Size}, {@code Color}); empty for none
 * @param imageUrl main image, may be null
 * @param status active, draft or archived
 * @param variants the variants, at least one
 */
public record ProductDraft(String handle, String title, String bodyHtml, String vendor, String type, String category,
        String gender, List<String> tags, List<String> optionNames, String imageUrl, String status,
        List<VariantDraft> variants) {

    public ProductDraft {
        tags = List.copyOf(tags);
        optionNames = List.copyOf(optionNames);
        variants = List.copyOf(variants);
    }
}
