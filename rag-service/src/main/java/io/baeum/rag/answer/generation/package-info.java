@NullMarked
package io.baeum.rag.answer.generation;

import org.jspecify.annotations.NullMarked;
