@NullMarked
package io.baeum.exam.grading.domain;

import org.jspecify.annotations.NullMarked;
