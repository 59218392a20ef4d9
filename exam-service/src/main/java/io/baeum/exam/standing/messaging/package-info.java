@NullMarked
package io.baeum.exam.standing.messaging;

import org.jspecify.annotations.NullMarked;
