@NullMarked
package io.baeum.exam.evaluation;

import org.jspecify.annotations.NullMarked;
