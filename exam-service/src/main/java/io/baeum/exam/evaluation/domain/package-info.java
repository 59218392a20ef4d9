@NullMarked
package io.baeum.exam.evaluation.domain;

import org.jspecify.annotations.NullMarked;
