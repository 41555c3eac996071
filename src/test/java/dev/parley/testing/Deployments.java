package dev.parley.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one way integration tests deploy: the WAR that {@code mvn package} built (not a hand-picked set of
 * classes), plus, for in-container tests, the test package that asks for it.
 */
public final class Deployments {

    private Deployments() {
    }

    /** The real application WAR, as built. */
    public static WebArchive parley() {
        File war = new File(System.getProperty("parley.war", "target/parley.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: integration tests run after 'mvn package'");
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    /** The real WAR plus the given test's package, for tests that run inside the server. */
    public static WebArchive parleyWith(Class<?> testClass) {
        return parley().addPackage(testClass.getPackage());
    }
}
