@NullMarked
package io.baeum.rag.access;

import org.jspecify.annotations.NullMarked;
