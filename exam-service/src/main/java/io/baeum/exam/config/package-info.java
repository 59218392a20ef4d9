@NullMarked
package io.baeum.exam.config;

import org.jspecify.annotations.NullMarked;
