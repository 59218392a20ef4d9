@NullMarked
package io.baeum.exam.attempt.web;

import org.jspecify.annotations.NullMarked;
