@NullMarked
package io.baeum.exam.standing.persistence;

import org.jspecify.annotations.NullMarked;
