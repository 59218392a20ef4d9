@NullMarked
package io.baeum.rag.guard;

import org.jspecify.annotations.NullMarked;
