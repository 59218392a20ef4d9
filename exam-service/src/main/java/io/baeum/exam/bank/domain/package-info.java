@NullMarked
package io.baeum.exam.bank.domain;

import org.jspecify.annotations.NullMarked;
