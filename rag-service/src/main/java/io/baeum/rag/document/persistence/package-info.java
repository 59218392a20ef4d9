@NullMarked
package io.baeum.rag.document.persistence;

import org.jspecify.annotations.NullMarked;
