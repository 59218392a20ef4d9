@NullMarked
package io.baeum.exam.evidence;

import org.jspecify.annotations.NullMarked;
