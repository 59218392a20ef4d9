@NullMarked
package io.baeum.rag.index;

import org.jspecify.annotations.NullMarked;
