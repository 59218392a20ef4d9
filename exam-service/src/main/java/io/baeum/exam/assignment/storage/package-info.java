@NullMarked
package io.baeum.exam.assignment.storage;

import org.jspecify.annotations.NullMarked;
