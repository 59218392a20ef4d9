@NullMarked
package io.baeum.exam.bank;

import org.jspecify.annotations.NullMarked;
