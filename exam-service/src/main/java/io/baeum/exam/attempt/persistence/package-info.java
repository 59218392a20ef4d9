@NullMarked
package io.baeum.exam.attempt.persistence;

import org.jspecify.annotations.NullMarked;
