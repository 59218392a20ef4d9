@NullMarked
package io.baeum.rag.answer.persistence;

import org.jspecify.annotations.NullMarked;
