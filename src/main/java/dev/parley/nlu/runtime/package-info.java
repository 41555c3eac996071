/**
 * The intent model at run time: versions stored in the database ({@link dev.parley.nlu.runtime.ModelVersions}),
 * background training runs with automatic promotion ({@link dev.parley.nlu.runtime.IntentTraining}), the live
 * model every node polls for and swaps in atomically ({@link dev.parley.nlu.runtime.LiveIntentModel}), the
 * entity vocabulary rebuilt from the catalog ({@link dev.parley.nlu.runtime.CatalogVocabulary}) and parsing
 * ({@link dev.parley.nlu.runtime.NluService}).
 */
package dev.parley.nlu.runtime;
