@NullMarked
package io.baeum.rag.retrieval;

import org.jspecify.annotations.NullMarked;
