@NullMarked
package io.baeum.exam.similarity;

import org.jspecify.annotations.NullMarked;
