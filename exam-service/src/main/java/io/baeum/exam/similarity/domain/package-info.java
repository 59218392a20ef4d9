@NullMarked
package io.baeum.exam.similarity.domain;

import org.jspecify.annotations.NullMarked;
