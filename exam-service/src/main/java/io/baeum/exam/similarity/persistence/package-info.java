@NullMarked
package io.baeum.exam.similarity.persistence;

import org.jspecify.annotations.NullMarked;
