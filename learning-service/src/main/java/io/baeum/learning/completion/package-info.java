/** The completion (수료) feature of learning: the decision service and the sweep; layers in sub-packages. */
@NullMarked
package io.baeum.learning.completion;

import org.jspecify.annotations.NullMarked;
