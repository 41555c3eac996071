/** Secrets the application generates for itself and shares across nodes through the database. */
package dev.parley.platform.secret;
