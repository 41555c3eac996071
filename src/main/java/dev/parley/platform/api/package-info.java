/**
 * The HTTP edge shared by every component: the JAX-RS application, RFC 9457 problem responses (one
 * exception mapper), request ids and access logging, request body limits and security headers.
 */
package dev.parley.platform.api;
