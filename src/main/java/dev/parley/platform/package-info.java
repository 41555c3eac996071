/**
 * Cross-cutting platform: configuration, persistence (schema migrations), security (staff accounts,
 * sign-in, roles), HTTP edges (problem responses, request ids, body limits), health, demo seeding,
 * the store profile and the admin web shell. Business components build on it; it depends on none of them.
 */
package dev.parley.platform;
