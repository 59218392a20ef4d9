@NullMarked
package io.baeum.rag.config;

import org.jspecify.annotations.NullMarked;
