/** Admin API for staff accounts ({@code /api/v1/admin/staff}). */
package dev.parley.platform.security.api;
