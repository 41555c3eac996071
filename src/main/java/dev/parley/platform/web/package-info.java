/**
 * The admin web shell (JSF + PrimeFaces at {@code /admin}): sign-in, layout, dashboard and staff
 * accounts. Other components add their pages to the shell's menu.
 */
package dev.parley.platform.web;
