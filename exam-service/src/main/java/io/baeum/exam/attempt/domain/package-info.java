@NullMarked
package io.baeum.exam.attempt.domain;

import org.jspecify.annotations.NullMarked;
