/**
 * The development launcher behind {@code mvn -Prun}: embedded MariaDB plus Payara Micro with the WAR.
 * It is compiled with the tests and never packaged into the WAR.
 */
package dev.parley.launcher;
