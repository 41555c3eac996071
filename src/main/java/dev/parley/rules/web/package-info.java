/** The rules page of the admin shell: draft editor, decision-table upload, simulation, publish, versions, audit. */
package dev.parley.rules.web;
