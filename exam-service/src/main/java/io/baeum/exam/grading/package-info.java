@NullMarked
package io.baeum.exam.grading;

import org.jspecify.annotations.NullMarked;
