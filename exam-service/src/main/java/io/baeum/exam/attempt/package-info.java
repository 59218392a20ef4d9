@NullMarked
package io.baeum.exam.attempt;

import org.jspecify.annotations.NullMarked;
