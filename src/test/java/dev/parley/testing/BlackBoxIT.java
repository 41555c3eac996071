package dev.parley.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test that drives the real server from outside (HTTP, browser) only. All such classes
 * share one Payara Micro running the built WAR against the build's MariaDB ({@link ParleyServer}); fields
 * annotated {@link ParleyServer.Base} receive its address. Tests that must run inside the server keep their
 * own Arquillian deployment and the {@code in-container} tag.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("black-box")
@ExtendWith(ParleyServer.class)
public @interface BlackBoxIT {
}
