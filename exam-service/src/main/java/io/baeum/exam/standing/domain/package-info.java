@NullMarked
package io.baeum.exam.standing.domain;

import org.jspecify.annotations.NullMarked;
