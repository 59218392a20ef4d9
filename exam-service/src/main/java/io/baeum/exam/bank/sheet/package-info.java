@NullMarked
package io.baeum.exam.bank.sheet;

import org.jspecify.annotations.NullMarked;
