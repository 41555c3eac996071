/** Admin pages of the NLU: model versions, their metrics, training and the "try it" box. */
package dev.parley.nlu.web;
