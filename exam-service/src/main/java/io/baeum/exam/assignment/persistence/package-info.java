@NullMarked
package io.baeum.exam.assignment.persistence;

import org.jspecify.annotations.NullMarked;
