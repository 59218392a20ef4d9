@NullMarked
package io.baeum.rag.document.domain;

import org.jspecify.annotations.NullMarked;
