/** HTTP API of the NLU: {@code /api/v1/nlu/parse} and the admin endpoints of model versions and training. */
package dev.parley.nlu.api;
