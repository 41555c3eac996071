/**
 * Understanding shoppers: the intents and entity types of CONTRACT.md, training data, the intent model and
 * entity extraction (issue 4).
 */
package dev.parley.nlu;
