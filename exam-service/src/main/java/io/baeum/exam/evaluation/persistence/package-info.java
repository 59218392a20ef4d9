@NullMarked
package io.baeum.exam.evaluation.persistence;

import org.jspecify.annotations.NullMarked;
