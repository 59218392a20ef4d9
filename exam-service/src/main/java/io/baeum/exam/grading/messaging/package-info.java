@NullMarked
package io.baeum.exam.grading.messaging;

import org.jspecify.annotations.NullMarked;
