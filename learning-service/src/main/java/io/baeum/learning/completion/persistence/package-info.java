/** The completion feature's SQL (results, decisions, policies). */
@NullMarked
package io.baeum.learning.completion.persistence;

import org.jspecify.annotations.NullMarked;
