package dev.parley.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a rule set from a folder laid out like {@code rules/}: every .drl, .csv and .xlsx file, by path. */
public final class RuleFiles {

    /** Where the demo store's rules are on the classpath. */
    public static final String CLASSPATH_ROOT = "rules";

    private RuleFiles() {
    }

    /** The rule files under a folder, sorted by name. */
    public static List<RuleResource> read(Path root) {
        List<RuleResource> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (name.endsWith(".drl") || name.endsWith(".csv") || name.endsWith(".xlsx")) {
                    out.add(RuleResource.of(name, Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The demo rules packaged with the application (a folder, or inside a jar). */
    public static List<RuleResource> demo() {
        URL url = RuleFiles.class.getClassLoader().getResource(CLASSPATH_ROOT + "/pricing/discounts.drl");
        if (url == null) {
            throw new IllegalStateException("The demo rules are not on the classpath");
        }
        try {
            if (url.getProtocol().equals("file")) {
                return read(Path.of(url.toURI()).getParent().getParent());
            }
            if (url.getProtocol().equals("jar")) {
                String spec = url.toString();
                try (FileSystem fs = FileSystems.newFileSystem(java.net.URI.create(spec.substring(0, spec.indexOf("!/"))),
                        Map.of())) {
                    return read(fs.getPath(spec.substring(spec.indexOf("!/") + 1)).getParent().getParent());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("Cannot list the demo rules at " + url);
    }

}
