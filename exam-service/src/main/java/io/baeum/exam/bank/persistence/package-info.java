@NullMarked
package io.baeum.exam.bank.persistence;

import org.jspecify.annotations.NullMarked;
