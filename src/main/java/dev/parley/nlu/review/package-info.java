/**
 * The learning loop: customer turns of stored transcripts, low-confidence and fallback turns first, which a
 * person confirms or corrects; a reviewed turn joins the training data with its provenance, and the next
 * training run learns from it. Also the demo store's past transcripts.
 */
package dev.parley.nlu.review;
