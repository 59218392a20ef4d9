@NullMarked
package io.baeum.rag.index.persistence;

import org.jspecify.annotations.NullMarked;
