@NullMarked
package io.baeum.exam;

import org.jspecify.annotations.NullMarked;
