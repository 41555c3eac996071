package dev.parley.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** All JSON APIs live under {@code /api}; resources are discovered by CDI scanning. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(
        title = "Parley",
        version = "v1",
        description = "Conversational-commerce server: chat, NLU, catalog, cart and admin APIs.",
        license = @License(name = "Apache-2.0")))
public class RestApplication extends Application {
}
