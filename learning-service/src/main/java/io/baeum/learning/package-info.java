/** learning: the application's entry point. */
@NullMarked
package io.baeum.learning;

import org.jspecify.annotations.NullMarked;
