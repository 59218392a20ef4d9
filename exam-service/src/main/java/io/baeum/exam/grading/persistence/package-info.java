@NullMarked
package io.baeum.exam.grading.persistence;

import org.jspecify.annotations.NullMarked;
