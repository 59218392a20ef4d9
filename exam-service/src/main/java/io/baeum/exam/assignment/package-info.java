@NullMarked
package io.baeum.exam.assignment;

import org.jspecify.annotations.NullMarked;
