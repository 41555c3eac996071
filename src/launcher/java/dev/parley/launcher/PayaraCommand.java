package dev.parley.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Payara Micro command line Parley runs with: the WAR, the JDBC driver and native libraries, the
 * {@code server-config/} boot command files and logging, on a given port. The launcher ({@code mvn -Prun})
 * and the black-box integration tests both start the server with it, so the tests run what shops run.
 */
public final class PayaraCommand {

    private PayaraCommand() {
    }

    /**
     * @param javaOptions extra JVM options (may be empty)
     * @param loggingFile the logging properties file name inside {@code serverConfig}
     */
    public static List<String> of(List<String> javaOptions, Path runtimeDir, Path war, Path serverConfig, int port,
            String loggingFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of(
                "-jar", runtimeDir.resolve("payara-micro.jar").toString(),
                "--deploy", war.toString(),
                "--port", Integer.toString(port),
                "--addlibs", String.join(":", runtimeDir.resolve("mysql-connector-j.jar").toString(),
                        runtimeDir.resolve("nd4j-native-linux-x86_64.jar").toString(),
                        runtimeDir.resolve("openblas-linux-x86_64.jar").toString()),
                "--prebootcommandfile", serverConfig.resolve("pre-boot-commands.asadmin").toString(),
                "--postbootcommandfile", serverConfig.resolve("post-boot-commands.asadmin").toString(),
                "--logproperties", serverConfig.resolve(loggingFile).toString(),
                "--nohostaware"));
        return command;
    }
}
