/**
 * Staff accounts and how they sign in: PBKDF2-hashed passwords (Jakarta Security), the roles
 * {@code admin}, {@code merchandiser}, {@code agent} and {@code analyst}, form sign-in for the admin
 * pages, HTTP Basic for the admin APIs, cluster-wide throttling of failed sign-ins and the bootstrap
 * {@code admin} account.
 */
package dev.parley.platform.security;
