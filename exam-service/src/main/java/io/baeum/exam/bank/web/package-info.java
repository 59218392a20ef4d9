@NullMarked
package io.baeum.exam.bank.web;

import org.jspecify.annotations.NullMarked;
