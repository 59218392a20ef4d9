/** The completion feature's domain: the completion rule, results and decisions as plain Java; no Spring. */
@NullMarked
package io.baeum.learning.completion.domain;

import org.jspecify.annotations.NullMarked;
