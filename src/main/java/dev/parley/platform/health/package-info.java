/** MicroProfile Health checks: liveness of this node and readiness to serve chat. */
package dev.parley.platform.health;
