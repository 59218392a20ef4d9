@NullMarked
package io.baeum.rag.messaging;

import org.jspecify.annotations.NullMarked;
