@NullMarked
package io.baeum.rag.answer;

import org.jspecify.annotations.NullMarked;
