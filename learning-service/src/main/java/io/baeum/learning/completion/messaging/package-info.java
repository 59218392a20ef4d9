/** The completion feature's messaging adapter: exam-service's result events. */
@NullMarked
package io.baeum.learning.completion.messaging;

import org.jspecify.annotations.NullMarked;
