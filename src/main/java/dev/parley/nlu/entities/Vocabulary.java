package dev.parley.nlu.entities;

import dev.parley.nlu.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the shop's catalog knows, for the gazetteer: canonical English lower-case names per entity type, plus
 * extra surface forms (Chinese, synonyms, spellings) that map to one of them. Canonical names are surface forms
 * of themselves. Immutable; {@link #merge} returns a new vocabulary, so a catalog change rebuilds cheaply
 * ({@code new EntityExtractor(vocabulary)}) without disturbing extractors in use.
 *
 * @param categories product types ({@code coat}, {@code sneakers}, {@code t-shirt})
 * @param brands brand names, lower case ({@code yushan ridge})
 * @param colors colours ({@code black}, {@code navy})
 * @param materials materials ({@code wool}, {@code down})
 * @param attributes features ({@code waterproof}, {@code quick-dry})
 * @param genders {@code women}, {@code men}, {@code unisex}, {@code kids}
 * @param surfaces extra surface form (any case or script) → the term it names
 * @param stopPhrases phrases that are no entity and shadow shorter matches inside them ({@code 包邮},
 *     {@code 女朋友}, {@code black friday})
 */
public record Vocabulary(Set<String> categories, Set<String> brands, Set<String> colors, Set<String> materials,
        Set<String> attributes, Set<String> genders, Map<String, Term> surfaces, Set<String> stopPhrases) {

    /**
     * A canonical term.
     *
     * @param type one of the gazetteer types (category, brand, color, material, attribute, gender)
     * @param value its canonical English lower-case name
     */
    public record Term(EntityType type, String value) {
        public Term {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The types a vocabulary holds. */
    public static final Set<EntityType> TYPES = Set.of(EntityType.CATEGORY, EntityType.BRAND, EntityType.COLOR,
            EntityType.MATERIAL, EntityType.ATTRIBUTE, EntityType.GENDER);

    /** Catalog tags that name an occasion or season rather than an entity; {@link #merge} skips them. */
    public static final Set<String> CONTEXT_TAGS = Set.of("casual", "office", "winter", "summer", "spring",
            "autumn", "fall", "all-season", "hiking", "running", "travel", "gift", "sale", "new");

    private static final String BUILT_IN = "built-in-vocabulary.txt";
    private static volatile Vocabulary builtIn;

    public Vocabulary {
        categories = canonicalSet(categories);
        brands = canonicalSet(brands);
        colors = canonicalSet(colors);
        materials = canonicalSet(materials);
        attributes = canonicalSet(attributes);
        genders = canonicalSet(genders);
        Map<String, Term> copy = new LinkedHashMap<>();
        surfaces.forEach((surface, term) -> {
            if (!TYPES.contains(term.type())) {
                throw new IllegalArgumentException("Not a vocabulary type: " + term.type());
            }
            copy.put(surface.strip(), term);
        });
        surfaces = java.util.Collections.unmodifiableMap(copy);
        stopPhrases = Set.copyOf(stopPhrases);
    }

    /** An empty vocabulary. */
    public static Vocabulary empty() {
        return new Vocabulary(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Map.of(), Set.of());
    }

    /**
     * The built-in bilingual base vocabulary (English, Traditional and Simplified Chinese) for the demo catalog's
     * 21 product types, 17 colours, its materials, feature tags and gender, read from
     * {@code built-in-vocabulary.txt}. Brands are not built in: they come from the catalog through {@link #merge}.
     */
    public static Vocabulary builtIn() {
        Vocabulary v = builtIn;
        if (v == null) {
            synchronized (Vocabulary.class) {
                if (builtIn == null) {
                    builtIn = read(Vocabulary.class.getResourceAsStream(BUILT_IN));
                }
                v = builtIn;
            }
        }
        return v;
    }

    /** Reads the built-in format: {@code type TAB canonical TAB surface | surface ...}; {@code none} for stops. */
    static Vocabulary read(InputStream in) {
        Builder b = new Builder(empty());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(in, "vocabulary resource"), StandardCharsets.UTF_8))) {
            String read;
            while ((read = reader.readLine()) != null) {
                String line = read;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 3) {
                    throw new IllegalArgumentException("Expected 3 tab-separated columns: " + line);
                }
                String[] forms = cols[2].split("\\|");
                if (cols[0].equals("none")) {
                    for (String f : forms) {
                        if (!f.isBlank()) {
                            b.stops.add(f.strip());
                        }
                    }
                    continue;
                }
                EntityType type = EntityType.parse(cols[0].strip())
                        .orElseThrow(() -> new IllegalArgumentException("Unknown type: " + line));
                String canonical = cols[1].strip();
                b.add(type, canonical);
                for (String f : forms) {
                    if (!f.isBlank() && !f.strip().equals(canonical)) {
                        b.surfaces.put(f.strip(), new Term(type, canonical));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    /**
     * This vocabulary extended with what a catalog holds: product types become categories, vendors brands
     * (matched as written, case aside: "Plum Rain Co.", not "plum rain"), colour option values colours. A tag keeps the type this vocabulary
     * already gives it (a material, an attribute, a gender, or any of their surface forms); an unknown tag
     * becomes an attribute unless it names an occasion or season ({@link #CONTEXT_TAGS}). Case is folded;
     * blanks are ignored. Returns a new vocabulary; this one is unchanged.
     */
    public Vocabulary merge(Collection<String> types, Collection<String> brandNames, Collection<String> tags,
            Collection<String> colourValues) {
        Builder b = new Builder(this);
        for (String t : types) {
            b.addUnlessKnown(EntityType.CATEGORY, t);
        }
        for (String brand : brandNames) {
            if (brand == null || brand.isBlank()) {
                continue;
            }
            b.add(EntityType.BRAND, lower(brand));
        }
        for (String tag : tags) {
            if (tag == null || tag.isBlank() || CONTEXT_TAGS.contains(lower(tag))) {
                continue;
            }
            b.addUnlessKnown(EntityType.ATTRIBUTE, tag);
        }
        for (String c : colourValues) {
            b.addUnlessKnown(EntityType.COLOR, c);
        }
        return b.build();
    }

    /** The canonical term a surface form or canonical name names, if any (case-insensitive). */
    public java.util.Optional<Term> lookup(String surfaceOrCanonical) {
        String key = lower(surfaceOrCanonical);
        for (EntityType type : TYPES) {
            if (set(type).contains(key)) {
                return java.util.Optional.of(new Term(type, key));
            }
        }
        for (Map.Entry<String, Term> e : surfaces.entrySet()) {
            if (FoldedText.fold(e.getKey()).equals(FoldedText.fold(key))) {
                return java.util.Optional.of(e.getValue());
            }
        }
        return java.util.Optional.empty();
    }

    /** The canonical names of one type. */
    public Set<String> set(EntityType type) {
        return switch (type) {
            case CATEGORY -> categories;
            case BRAND -> brands;
            case COLOR -> colors;
            case MATERIAL -> materials;
            case ATTRIBUTE -> attributes;
            case GENDER -> genders;
            default -> Set.of();
        };
    }

    private static Set<String> canonicalSet(Set<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                out.add(lower(n));
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    private static String lower(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static final class Builder {
        final Map<EntityType, Set<String>> sets = new LinkedHashMap<>();
        final Map<String, Term> surfaces;
        final Set<String> stops;
        private Set<String> foldedSurfaces;

        Builder(Vocabulary base) {
            for (EntityType t : TYPES) {
                sets.put(t, new LinkedHashSet<>(base.set(t)));
            }
            surfaces = new LinkedHashMap<>(base.surfaces);
            stops = new LinkedHashSet<>(base.stopPhrases);
        }

        void add(EntityType type, String canonical) {
            sets.get(type).add(lower(canonical));
        }

        void addUnlessKnown(EntityType type, String name) {
            if (name == null || name.isBlank()) {
                return;
            }
            String key = lower(name);
            for (Set<String> s : sets.values()) {
                if (s.contains(key)) {
                    return;
                }
            }
            if (foldedSurfaces == null) {
                foldedSurfaces = new java.util.HashSet<>();
                surfaces.keySet().forEach(s -> foldedSurfaces.add(FoldedText.fold(s)));
            }
            if (foldedSurfaces.contains(FoldedText.fold(key))) {
                return;
            }
            add(type, key);
        }

        Vocabulary build() {
            return new Vocabulary(sets.get(EntityType.CATEGORY), sets.get(EntityType.BRAND),
                    sets.get(EntityType.COLOR), sets.get(EntityType.MATERIAL), sets.get(EntityType.ATTRIBUTE),
                    sets.get(EntityType.GENDER), surfaces, stops);
        }
    }
}
