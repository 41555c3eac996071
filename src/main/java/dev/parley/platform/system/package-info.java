/**
 * System facts for the admin dashboard and {@code /api/v1/admin/system}: each component contributes its
 * own (version, database, schema, node; later model and rules versions) through {@link SystemFactSource}.
 */
package dev.parley.platform.system;
