@NullMarked
package io.baeum.rag.index.embedding;

import org.jspecify.annotations.NullMarked;
