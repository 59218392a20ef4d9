@NullMarked
package io.baeum.rag.document;

import org.jspecify.annotations.NullMarked;
